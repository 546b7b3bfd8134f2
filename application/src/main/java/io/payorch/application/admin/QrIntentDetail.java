package io.payorch.application.admin;

import io.payorch.application.ProviderAttempt;
import io.payorch.domain.QrIntent;
import io.payorch.domain.StateChange;

import java.util.List;

/** A QR with its audit history and every provider call made for it. */
public record QrIntentDetail(QrIntent qr, List<StateChange> events, List<ProviderAttempt> attempts) {
}
