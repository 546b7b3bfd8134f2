package io.payorch.adapters.bos;

import io.payorch.application.port.out.ProviderOutcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Holds BOS's bearer token for its life less a safety margin. However many requests need a token
 * at once, one fetch is made and every waiting request shares its result, success or failure;
 * the next request after a failure tries again. A token BOS refused is dropped with
 * {@link #invalidate(String)}, which only drops that exact token, so many requests seeing the same
 * 401 cause one refresh, not many.
 */
final class BearerTokenCache {

    private final Supplier<ProviderOutcome<BearerToken>> fetcher;
    private final Clock clock;
    private final Duration safetyMargin;

    private String token;
    private Instant usableUntil;
    private CompletableFuture<ProviderOutcome<BearerToken>> inFlight;

    BearerTokenCache(Supplier<ProviderOutcome<BearerToken>> fetcher, Clock clock, Duration safetyMargin) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.safetyMargin = safetyMargin;
    }

    /** A usable token: the cached one, or the result of the one fetch in flight. */
    ProviderOutcome<String> current() {
        CompletableFuture<ProviderOutcome<BearerToken>> shared;
        boolean fetchHere = false;
        synchronized (this) {
            if (token != null && clock.instant().isBefore(usableUntil)) {
                return new ProviderOutcome.Accepted<>(token);
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                fetchHere = true;
            }
            shared = inFlight;
        }
        if (fetchHere) {
            fetchAndPublish(shared);
        }
        return shared.join().map(BearerToken::value);
    }

    /** Forgets {@code refused} if it is still the cached token. */
    synchronized void invalidate(String refused) {
        if (token != null && token.equals(refused)) {
            token = null;
            usableUntil = null;
        }
    }

    private void fetchAndPublish(CompletableFuture<ProviderOutcome<BearerToken>> shared) {
        ProviderOutcome<BearerToken> outcome;
        try {
            outcome = fetcher.get();
        } catch (RuntimeException e) {
            outcome = new ProviderOutcome.NotAttempted<>("token fetch failed: " + e.getClass().getSimpleName());
        }
        synchronized (this) {
            if (outcome instanceof ProviderOutcome.Accepted<BearerToken> accepted) {
                token = accepted.value().value();
                // a margin as long as the life itself leaves a token good for the requests that waited only
                usableUntil = clock.instant().plus(accepted.value().lifetime()).minus(safetyMargin);
            }
            inFlight = null;
        }
        shared.complete(outcome);
    }
}
