package io.payorch.application.admin;

import java.util.List;

/**
 * How many QRs and transfer OTPs are in each state that is not final (work in progress: pending,
 * active, sent, unknown). Finished rows only grow, so they are counted on request ({@link Stats}).
 */
public record OpenStates(List<StatusCount> qrs, List<StatusCount> transferOtps) {
}
