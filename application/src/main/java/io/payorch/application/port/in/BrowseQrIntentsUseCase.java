package io.payorch.application.port.in;

import io.payorch.application.admin.Page;
import io.payorch.application.admin.QrIntentDetail;
import io.payorch.application.admin.SearchQuery;
import io.payorch.domain.QrIntent;

/** Operations staff search QRs and read one with its history. */
public interface BrowseQrIntentsUseCase {

    /** Newest first; @throws io.payorch.application.InvalidRequestException naming bad parameters */
    Page<QrIntent> search(SearchQuery query);

    /** @throws io.payorch.application.NotFoundException when there is no such QR */
    QrIntentDetail detail(String id);
}
