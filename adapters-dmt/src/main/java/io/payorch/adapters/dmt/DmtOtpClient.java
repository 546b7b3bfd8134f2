package io.payorch.adapters.dmt;

import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.SentOtp;
import io.payorch.application.port.out.TransferOtpProviderPort;
import io.payorch.application.port.out.TransferOtpProviderRequest;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AOPay DMT "Transaction Send OTP": {@code POST /api/AOP/DMTV1/TransactionSendOtp} with exactly the
 * page's keys, every value a string, {@code DOB} as dd/MM/yyyy and {@code Longitute} spelled as
 * the provider spells it. Called once per OTP: a retry could send the remitter a second OTP.
 */
public final class DmtOtpClient implements TransferOtpProviderPort {

    public static final String PATH = "/api/AOP/DMTV1/TransactionSendOtp";
    public static final String NAME = "DMT";
    private static final DateTimeFormatter WIRE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ProviderEndpoint endpoint;
    private final ProviderTransport transport;

    public DmtOtpClient(ProviderEndpoint endpoint, ProviderTransport transport) {
        this.endpoint = endpoint;
        this.transport = transport;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return endpoint.enabled();
    }

    @Override
    public ProviderOutcome<SentOtp> sendOtp(TransferOtpProviderRequest request) {
        return transport.exchange("POST", endpoint.resolve(PATH), endpoint.extraHeaders(), body(request),
                DmtAnswerReader::read);
    }

    static Map<String, Object> body(TransferOtpProviderRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MobileNumber", r.remitterMobile());
        body.put("BeneID", r.beneficiaryId());
        body.put("Txntype", r.transferType().name());
        body.put("Amount", r.amount().toRupeeString());
        body.put("Pincode", r.pincode());
        body.put("Address", r.address());
        body.put("DOB", r.dateOfBirth().format(WIRE_DATE));
        body.put("Latitude", r.latitude().toPlainString());
        body.put("Longitute", r.longitude().toPlainString());
        body.put("RegistrationID", r.registrationId());
        return body;
    }
}
