package io.payorch.adapters.dmt;

import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.SentOtp;
import io.payorch.wire.ProviderAnswer;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the TransactionSendOtp answer, accepting every variant the page documents: the 200
 * ({@code status} true, {@code response_code} 1, {@code stateresp}; an optional {@code data}
 * object that payorch ignores, as it only repeats the remitter's personal data), the 202 ("Remitter
 * not registered OTP sent for new registration.", {@code stateresp}) and the 401 whose code is
 * spelled {@code responsecode} in the schema and {@code response_code} in the example.
 */
final class DmtAnswerReader {

    static final String AUTHENTICATION_FAILED_CODE = "11";
    private static final String SENT_CODE = "1";

    private DmtAnswerReader() {
    }

    static ProviderOutcome<SentOtp> read(ProviderAnswer answer) {
        int status = answer.status();
        if (!answer.readable()) {
            return status == 401 ? authenticationFailed("401", "HTTP 401 without a readable body")
                    : answer.failureOutcome(null, null);
        }
        Optional<String> code = answer.text("response_code").or(() -> answer.text("responsecode"));
        String message = answer.text("message").orElse("no message");
        if (status == 401 || code.filter(AUTHENTICATION_FAILED_CODE::equals).isPresent()) {
            return authenticationFailed(code.orElse("401"), message);
        }
        if (status < 200 || status >= 300) {
            return answer.failureOutcome(code.orElse(String.valueOf(status)), message);
        }
        Optional<String> state = answer.text("stateresp");
        if (status == 202 || isRegistrationAnswer(answer, message, state)) {
            return new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.REGISTRATION, state.orElse(null)));
        }
        Optional<Boolean> succeeded = answer.text("status").map(s -> s.equalsIgnoreCase("true"));
        if (succeeded.orElse(false) && code.filter(SENT_CODE::equals).isPresent()) {
            return new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.TRANSFER, state.orElse(null)));
        }
        if (succeeded.isPresent() && !succeeded.get()) {
            return new ProviderOutcome.Rejected<>(code.orElse(String.valueOf(status)), message,
                    answer.rejectionReason());
        }
        return new ProviderOutcome.Unknown<>("unrecognised answer (HTTP " + status + ")", false);
    }

    /** The 202's body, should the provider send it with HTTP 200 as the page's "Response 200" suggests. */
    private static boolean isRegistrationAnswer(ProviderAnswer answer, String message, Optional<String> state) {
        return state.isPresent()
                && answer.text("status").map(s -> s.equalsIgnoreCase("false")).orElse(false)
                && message.toLowerCase(Locale.ROOT).contains("not registered");
    }

    private static ProviderOutcome<SentOtp> authenticationFailed(String code, String message) {
        return new ProviderOutcome.Rejected<>(code, message, ProviderOutcome.Reason.AUTHENTICATION_FAILED);
    }
}
