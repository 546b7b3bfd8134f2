package io.payorch.application.port.in;

import io.payorch.application.admin.Page;
import io.payorch.application.admin.SearchQuery;
import io.payorch.application.admin.TransferOtpDetail;
import io.payorch.application.admin.TransferOtpRecord;

/** Operations staff search transfer OTPs and read one with its history. */
public interface BrowseTransferOtpsUseCase {

    /** Newest first; {@code provider} is not a filter here. */
    Page<TransferOtpRecord> search(SearchQuery query);

    /** @throws io.payorch.application.NotFoundException when there is no such OTP */
    TransferOtpDetail detail(String id);
}
