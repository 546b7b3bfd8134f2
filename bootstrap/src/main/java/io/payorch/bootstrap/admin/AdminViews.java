package io.payorch.bootstrap.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.payorch.application.admin.ProviderOverview;
import io.payorch.application.admin.Stats;
import io.payorch.application.admin.StatusCount;
import io.payorch.application.lifecycle.SweepReport;
import io.payorch.application.admin.SweepStatus;
import io.payorch.application.admin.TransferOtpRecord;
import io.payorch.application.ProviderAttempt;
import io.payorch.bootstrap.web.QrView;
import io.payorch.domain.Money;
import io.payorch.domain.QrIntent;
import io.payorch.domain.StateChange;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The admin API's JSON shapes (DESIGN.md "Resources"); none holds a secret or an unmasked mobile. */
final class AdminViews {

    private AdminViews() {
    }

    @Serdeable
    @Schema(description = "One page, newest first; pass nextCursor back as cursor for the next page (null: last page)")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PageView<T>(List<T> items, @Nullable String nextCursor) {
    }

    @Serdeable
    @Schema(name = "Event", description = "One transition in the audit trail")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EventView(@Nullable @Schema(description = "null for the creation event") String from, String to, Instant at,
                     @Nullable String reason,
                     @Schema(description = "who caused it", example = "provider") String source) {
        static EventView of(StateChange c) {
            return new EventView(c.from(), c.to(), c.at(), c.reason(), c.source());
        }
    }

    @Serdeable
    @Schema(name = "ProviderAttempt", description = "One call to one provider for this QR")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AttemptView(String provider,
                       @Schema(example = "accepted", allowableValues = {"accepted", "rejected", "not_attempted", "unknown"})
                       String outcome, Instant at, @Nullable String detail) {
        static AttemptView of(ProviderAttempt a) {
            return new AttemptView(a.provider().name(), a.outcome(), a.at(), a.detail());
        }
    }

    @Serdeable
    @Schema(name = "QrDetail", description = "A QR with its event history and provider attempts")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QrDetailView(@JsonUnwrapped AdminQrView qr, List<EventView> events, List<AttemptView> attempts) {
    }

    @Serdeable
    @Schema(name = "AdminQr", description = "A QR as operations see it: with the merchant that owns it")
    record AdminQrView(@JsonUnwrapped QrView qr,
                       @Nullable @Schema(description = "the owning merchant client; null for a QR recorded before "
                               + "merchants owned their QRs") String merchant) {
        static AdminQrView of(QrIntent qr) {
            return new AdminQrView(QrView.of(qr), qr.merchantId());
        }
    }

    @Serdeable
    @Schema(name = "TransferOtp", description = "A transfer OTP; the remitter's mobile is masked")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TransferOtpView(String id, String registrationId,
                           @Schema(example = "98XXXXXX10") String remitterMobile, String beneficiaryId,
                           @Schema(allowableValues = {"IMPS", "NEFT"}) String transferType,
                           @Schema(example = "1500.00") String amount, String status,
                           @Nullable @Schema(description = "the provider's stateresp") String providerState,
                           @Nullable Instant sentAt, @Nullable Instant expiresAt, @Nullable String failureReason,
                           Instant createdAt,
                           @Nullable @Schema(description = "the owning merchant client; null before ownership")
                           String merchant) {
        static TransferOtpView of(TransferOtpRecord o) {
            return new TransferOtpView(o.id(), o.registrationId(), o.remitterMobileMasked(), o.beneficiaryId(),
                    o.transferType(), Money.ofPaise(o.amountPaise()).toDecimalString(), o.status(), o.providerState(),
                    o.sentAt(), o.expiresAt(), o.failureReason(), o.createdAt(), o.merchantId());
        }
    }

    @Serdeable
    @Schema(name = "TransferOtpDetail", description = "A transfer OTP with its event history")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TransferOtpDetailView(@JsonUnwrapped TransferOtpView otp, List<EventView> events) {
    }

    @Serdeable
    @Schema(name = "StatusCount")
    record CountView(@Nullable String provider, String status, long count) {
        static CountView of(StatusCount c) {
            return new CountView(c.provider(), c.status(), c.count());
        }
    }

    @Serdeable
    @Schema(name = "SweepStatus", description = "The last expiry sweep")
    record SweepView(Instant at, long durationMillis, @Schema(description = "how late the oldest expired item was")
                     long lagMillis, long qrsExpired, long otpsExpired) {
        static SweepView of(SweepStatus s) {
            return new SweepView(s.at(), s.duration().toMillis(), s.lag().toMillis(), s.qrsExpired(), s.otpsExpired());
        }
    }

    @Serdeable
    @Schema(name = "Stats", description = "Counts by provider and status, and the last sweep (null until sweeps report one)")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatsView(Instant at,
                     @Nullable @Schema(description = "the merchant counted; null when every merchant's rows are")
                     String merchant,
                     List<CountView> qrs, List<CountView> transferOtps, @Nullable SweepView lastSweep) {
        static StatsView of(Stats s) {
            return new StatsView(s.at(), s.merchant(), s.qrs().stream().map(CountView::of).toList(),
                    s.transferOtps().stream().map(CountView::of).toList(), s.lastSweep().map(SweepView::of).orElse(null));
        }
    }

    @Serdeable
    @Schema(name = "Provider", description = "A provider's configuration and recent outcomes; never a credential")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProviderView(String name, boolean enabled, @Nullable String baseUrl, String authMode,
                        @Schema(description = "outcome counts over its last 100 calls") Map<String, Long> recentOutcomes,
                        @Nullable Instant lastCallAt) {
        static ProviderView of(ProviderOverview p) {
            return new ProviderView(p.name(), p.enabled(), p.baseUrl(), p.authMode(), p.recentOutcomes(), p.lastCallAt());
        }
    }

    @Serdeable
    @Schema(name = "SweepResult", description = "What one run of the sweeps expired")
    record SweepResultView(long qrsExpired, long otpsExpired, long durationMillis, int failedBatches) {
        static SweepResultView of(SweepReport r) {
            return new SweepResultView(r.qrsExpired(), r.otpsExpired(), r.duration().toMillis(), r.failures().size());
        }
    }
}
