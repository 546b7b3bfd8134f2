package io.payorch.bootstrap.persistence;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.port.out.TransferOtpStore;
import io.payorch.domain.Money;
import io.payorch.domain.StateChange;
import io.payorch.domain.TransferOtp;
import io.payorch.domain.TransferOtpStatus;
import io.payorch.domain.TransferType;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Keeps transfer OTPs in PostgreSQL; each save writes the row and its new events in one transaction. */
@Singleton
public class JdbcTransferOtpStore implements TransferOtpStore {

    private final TransferOtpRepository otps;
    private final TransferOtpEventRepository events;
    private final Clock clock;

    JdbcTransferOtpStore(TransferOtpRepository otps, TransferOtpEventRepository events, Clock clock) {
        this.otps = otps;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void insert(TransferOtp otp) {
        TransferOtpRow saved = otps.save(toRow(otp));
        saveEvents(otp);
        otp.markSaved(saved.version());
    }

    @Override
    @Transactional
    public void update(TransferOtp otp) {
        TransferOtpRow saved;
        try {
            saved = otps.update(toRow(otp));
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException("transfer OTP", otp.id());
        }
        saveEvents(otp);
        otp.markSaved(saved.version());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TransferOtp> findById(String id) {
        if (!QrRows.storableId(id)) {
            return Optional.empty();
        }
        return otps.findById(id).map(JdbcTransferOtpStore::toDomain);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StateChange> history(String otpId) {
        return events.findByOtpIdOrderById(otpId).stream()
                .map(e -> new StateChange(e.fromStatus(), e.toStatus(), e.at(), e.reason(), e.source()))
                .toList();
    }

    private void saveEvents(TransferOtp otp) {
        List<TransferOtpEventRow> rows = otp.pendingChanges().stream()
                .map(c -> new TransferOtpEventRow(null, otp.id(), c.from(), c.to(), c.at(), c.reason(), c.source()))
                .toList();
        if (!rows.isEmpty()) {
            events.saveAll(rows);
        }
    }

    private TransferOtpRow toRow(TransferOtp otp) {
        TransferOtp.Snapshot s = otp.snapshot();
        return new TransferOtpRow(s.id(), s.registrationId(), s.remitterMobileMasked(), s.remitterMobileHash(),
                s.beneficiaryId(), s.transferType().name(), s.amount().paise(), s.status().name(), s.providerState(),
                s.sentAt(), s.expiresAt(), s.failureReason(), s.createdAt(), clock.instant(), s.version());
    }

    static TransferOtp toDomain(TransferOtpRow r) {
        return TransferOtp.restore(new TransferOtp.Snapshot(r.id(), r.registrationId(), r.remitterMobileMasked(),
                r.remitterMobileHash(), r.beneficiaryId(), TransferType.valueOf(r.transferType()),
                Money.ofPaise(r.amountPaise()), r.createdAt(), r.version(), TransferOtpStatus.valueOf(r.status()),
                r.providerState(), r.sentAt(), r.expiresAt(), r.failureReason()));
    }
}
