package io.payorch.application.port.out;

import io.payorch.application.admin.OtpFilter;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.StatusCount;
import io.payorch.application.admin.TransferOtpRecord;
import io.payorch.domain.StateChange;

import java.util.List;
import java.util.Optional;

/** Read side of transfer OTPs for operations. */
public interface TransferOtpReadPort {

    List<TransferOtpRecord> search(OtpFilter filter, PageCursor after, int limit);

    Optional<TransferOtpRecord> findById(String id);

    List<StateChange> history(String id);

    /** Counts of every transfer OTP (of {@code merchant} only, when not null) by state. */
    List<StatusCount> countByStatus(String merchant);

    /** Counts of the transfer OTPs in a state that is not final, by state; reads only those rows. */
    List<StatusCount> countOpenByStatus();
}
