package io.payorch.application.port.out;

import io.payorch.application.console.ProviderActivity.FailureCount;
import io.payorch.application.console.ProviderActivity.Window;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's reads beyond the admin searches: provider activity windows and reference lookups. */
public interface ConsoleReadPort {

    /** Per provider (as in {@code qr_provider_attempt}): calls since {@code since} and how many succeeded. */
    Map<String, Window> attempts(Instant since);

    /** The most frequent failures since {@code since}, at most {@code perProvider} per provider, most frequent first. */
    List<FailureCount> failures(Instant since, int perProvider);

    /** How many of the provider's latest calls failed in a row, counting at most {@code upTo}. */
    int consecutiveFailures(String provider, int upTo);

    /** The QR a provider knows by this reference (any provider). */
    Optional<String> qrIdByProviderReference(String reference);

    /** The QR of the payment with this UPI reference (UTR) or provider payment id. */
    Optional<String> qrIdByPaymentReference(String reference);
}
