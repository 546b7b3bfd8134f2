package io.payorch.application.admin;

/**
 * Admin search parameters as received (query strings); the service checks each and names bad ones.
 *
 * @param merchant a merchant client id: only that merchant's rows
 */
public record SearchQuery(String status, String provider, String registrationId, String createdFrom,
                          String createdTo, String limit, String cursor, String merchant) {
}
