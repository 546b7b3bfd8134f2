package io.payorch.application.port.out;

import io.payorch.domain.StateChange;
import io.payorch.domain.TransferOtp;

import java.util.List;
import java.util.Optional;

/** Where transfer OTPs and their history are kept. */
public interface TransferOtpStore {

    /** Stores a new OTP with its pending changes, in one transaction. */
    void insert(TransferOtp otp);

    /**
     * Saves the OTP's state and pending changes if nobody changed it since it was read; otherwise
     * throws {@link io.payorch.application.ConcurrentUpdateException}.
     */
    void update(TransferOtp otp);

    Optional<TransferOtp> findById(String id);

    List<StateChange> history(String otpId);
}
