package io.payorch.application.service;

import io.payorch.application.admin.TransferOtpRecord;
import io.payorch.application.admin.Page;
import io.payorch.application.admin.SearchQuery;
import io.payorch.application.admin.OtpFilter;
import io.payorch.application.admin.TransferOtpDetail;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.PageRequest;
import io.payorch.application.FieldError;
import io.payorch.application.NotFoundException;
import io.payorch.application.port.in.BrowseTransferOtpsUseCase;
import io.payorch.application.port.out.TransferOtpReadPort;
import io.payorch.domain.TransferOtpStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The admin API's transfer-OTP reads. */
public final class TransferOtpQueryService implements BrowseTransferOtpsUseCase {

    private final TransferOtpReadPort otps;

    public TransferOtpQueryService(TransferOtpReadPort otps) {
        this.otps = otps;
    }

    @Override
    public Page<TransferOtpRecord> search(SearchQuery query) {
        List<FieldError> errors = new ArrayList<>();
        if (query.provider() != null) {
            errors.add(new FieldError("provider", "is not a filter of transfer OTPs (all go through AOPay DMT)"));
        }
        TransferOtpStatus status = SearchParameters.parse(errors, "status", query.status(),
                TransferOtpStatus::valueOf,
                "must be one of " + Arrays.toString(TransferOtpStatus.values()) + ", exactly as written");
        OtpFilter filter = new OtpFilter(status, SearchParameters.registrationId(errors, query.registrationId()),
                SearchParameters.instant(errors, "createdFrom", query.createdFrom()),
                SearchParameters.instant(errors, "createdTo", query.createdTo()),
                SearchParameters.merchant(errors, query.merchant()));
        PageRequest page = SearchParameters.page(errors, query);
        List<TransferOtpRecord> rows = otps.search(filter, page.after(), page.limit() + 1);
        return SearchParameters.toPage(rows, page.limit(), o -> new PageCursor(o.createdAt(), o.id()));
    }

    @Override
    public TransferOtpDetail detail(String id) {
        TransferOtpRecord otp = otps.findById(id).orElseThrow(() -> new NotFoundException("transfer OTP", id));
        return new TransferOtpDetail(otp, otps.history(id));
    }
}
