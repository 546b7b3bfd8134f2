package io.payorch.adapters.oqpay;

import io.payorch.application.FieldError;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrUsage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OQPay's V5 Payin DynamicQRCode: {@code POST /api/V5/Payin/DynamicQRCode} with the customer's
 * name, mobile and e-mail, a whole-rupee integer {@code amount} (at least ₹300) and
 * {@code registrationID}. The answer is read by {@link OqpayAnswerReader}.
 */
public final class OqpayQrClient implements QrProviderPort {

    public static final String PATH = "/api/V5/Payin/DynamicQRCode";
    /** "Amount cannot be less than ₹300" (OQPay's page). */
    public static final Money MINIMUM = Money.ofRupees(300);

    private static final Pattern MOBILE = Pattern.compile("[6-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ProviderEndpoint endpoint;
    private final ProviderTransport transport;

    public OqpayQrClient(ProviderEndpoint endpoint, ProviderTransport transport) {
        this.endpoint = endpoint;
        this.transport = transport;
    }

    @Override
    public Provider provider() {
        return Provider.OQPAY;
    }

    @Override
    public boolean enabled() {
        return endpoint.enabled();
    }

    @Override
    public List<FieldError> check(QrProviderRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.usage() == QrUsage.MULTIPLE_USE) {
            errors.add(new FieldError("usage", "OQPAY issues single_use QRs only"));
        }
        Money amount = request.amount();
        if (amount == null) {
            errors.add(new FieldError("amount", "is required by OQPAY"));
        } else if (amount.compareTo(MINIMUM) < 0) {
            errors.add(new FieldError("amount", "must be at least 300 for OQPAY"));
        } else if (!amount.isWholeRupees()) {
            errors.add(new FieldError("amount", "must be a whole number of rupees for OQPAY"));
        }
        QrProviderRequest.Customer customer = request.customer();
        String name = customer == null ? null : customer.name();
        String mobile = customer == null ? null : customer.mobile();
        String email = customer == null ? null : customer.email();
        if (blank(name)) {
            errors.add(new FieldError("customer.name", "is required by OQPAY"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("customer.name", "must be at most 100 characters"));
        }
        if (blank(mobile)) {
            errors.add(new FieldError("customer.mobile", "is required by OQPAY"));
        } else if (!MOBILE.matcher(mobile).matches()) {
            errors.add(new FieldError("customer.mobile", "must be a 10-digit Indian mobile number"));
        }
        if (blank(email)) {
            errors.add(new FieldError("customer.email", "is required by OQPAY"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("customer.email", "must be an e-mail address"));
        }
        return errors;
    }

    @Override
    public ProviderOutcome<ProviderQr> create(QrProviderRequest request) {
        QrProviderRequest.Customer customer = request.customer();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerName", customer.name());
        body.put("customerMobile", customer.mobile());
        body.put("customerEmail", customer.email());
        body.put("amount", request.amount().toWholeRupees());
        body.put("registrationID", request.registrationId());
        return transport.exchange("POST", endpoint.resolve(PATH), endpoint.extraHeaders(), body,
                OqpayAnswerReader::read);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
