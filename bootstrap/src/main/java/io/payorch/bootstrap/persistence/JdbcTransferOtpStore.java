package io.payorch.bootstrap.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.payorch.application.port.out.TransferOtpStore;
import io.payorch.domain.StateChange;
import io.payorch.domain.TransferOtp;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Keeps transfer OTPs in PostgreSQL. Every write is one statement ({@link AggregateWrite}): the
 * row and its new events together, atomic by itself, one round trip (joining the caller's
 * transaction when there is one).
 */
@Singleton
public class JdbcTransferOtpStore implements TransferOtpStore {

    private static final String TABLE = "transfer_otp";
    private static final String FIND_BY_ID = "SELECT " + TransferOtpRows.COLUMNS + " FROM " + TABLE + " WHERE id = ?";

    private final ConnectionOperations<Connection> connections;
    private final Clock clock;

    JdbcTransferOtpStore(ConnectionOperations<Connection> connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public void insert(TransferOtp otp) {
        TransferOtp.Snapshot s = otp.snapshot();
        save(otp, columns(AggregateWrite.insert(TABLE).set("id", s.id()), s)
                .set("merchant_id", s.merchantId())
                .set("registration_id", s.registrationId())
                .set("remitter_mobile_masked", s.remitterMobileMasked())
                .set("remitter_mobile_hash", s.remitterMobileHash())
                .set("beneficiary_id", s.beneficiaryId())
                .set("transfer_type", s.transferType().name())
                .set("amount_paise", s.amount().paise())
                .set("created_at", s.createdAt())
                .set("version", s.version()));
    }

    @Override
    public void update(TransferOtp otp) {
        save(otp, columns(AggregateWrite.update(TABLE, otp.id(), otp.version()), otp.snapshot()));
    }

    /** The columns an OTP's life changes. */
    private AggregateWrite columns(AggregateWrite write, TransferOtp.Snapshot s) {
        return write.set("status", s.status().name())
                .set("provider_state", s.providerState())
                .set("sent_at", s.sentAt())
                .set("expires_at", s.expiresAt())
                .set("failure_reason", s.failureReason())
                .set("updated_at", clock.instant());
    }

    private void save(TransferOtp otp, AggregateWrite write) {
        otp.markSaved(write.withEvents("transfer_otp_event", "otp_id", otp.pendingChanges()).save(connections, "transfer OTP", otp.id()));
    }

    @Override
    public Optional<TransferOtp> findById(String id) {
        if (!QrRows.storableId(id)) {
            return Optional.empty();
        }
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_BY_ID)) {
                s.setString(1, id);
                return TransferOtpRows.readAll(s).stream().findFirst();
            }
        });
    }

    @Override
    public List<StateChange> history(String otpId) {
        return SqlTransactions.statement(connections, c -> TransferOtpRows.history(c, otpId));
    }
}
