package io.payorch.application.admin;

/** Admin search parameters as received (query strings); the service checks each and names bad ones. */
public record SearchQuery(String status, String provider, String registrationId, String createdFrom,
                          String createdTo, String limit, String cursor) {
}
