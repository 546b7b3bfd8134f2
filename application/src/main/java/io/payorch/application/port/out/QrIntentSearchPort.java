package io.payorch.application.port.out;

import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.QrFilter;
import io.payorch.application.admin.RecentOutcomes;
import io.payorch.application.admin.StatusCount;
import io.payorch.domain.QrIntent;

import java.util.List;

/** Read side of QR intents for operations. */
public interface QrIntentSearchPort {

    /** Up to {@code limit} QRs matching the filter, strictly after {@code after} in (createdAt, id) descending order. */
    List<QrIntent> search(QrFilter filter, PageCursor after, int limit);

    /** Counts of every QR (of {@code merchant} only, when not null) by provider and state. */
    List<StatusCount> countByProviderAndStatus(String merchant);

    /** Counts of the QRs in a state that is not final, by provider and state; reads only those rows. */
    List<StatusCount> countOpenByProviderAndStatus();

    /** Outcomes of the provider's last {@code calls} calls (provider as in {@code qr_provider_attempt}). */
    RecentOutcomes recentOutcomes(String provider, int calls);
}
