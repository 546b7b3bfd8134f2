package io.payorch.domain;

import java.util.List;

/**
 * The names under which the domain's changes are published to merchants (one per QR or transfer OTP
 * transition, and per payment applied or flagged; fixed names, part of the API contract), and the
 * filters an endpoint subscribes with: a type, its resource's family ({@code qr_code.*},
 * {@code transfer_otp.*}) or {@code *}. They are payorch's own names, not a provider's, so they live
 * with the domain rather than in {@code application} (whose sources hold no wire names at all).
 */
public final class EventTypes {

    public static final String QR_ACTIVATED = "qr_code.activated";
    public static final String QR_PAID = "qr_code.paid";
    public static final String QR_EXPIRED = "qr_code.expired";
    public static final String QR_CLOSED = "qr_code.closed";
    public static final String QR_FAILED = "qr_code.failed";
    public static final String QR_UNKNOWN = "qr_code.unknown";
    public static final String QR_PAYMENT_RECEIVED = "qr_code.payment_received";
    public static final String QR_PAYMENT_FLAGGED = "qr_code.payment_flagged";
    public static final String OTP_SENT = "transfer_otp.sent";
    public static final String OTP_REGISTRATION_OTP_SENT = "transfer_otp.registration_otp_sent";
    public static final String OTP_FAILED = "transfer_otp.failed";
    public static final String OTP_UNKNOWN = "transfer_otp.unknown";
    public static final String OTP_EXPIRED = "transfer_otp.expired";

    public static final List<String> ALL = List.of(QR_ACTIVATED, QR_PAID, QR_EXPIRED, QR_CLOSED, QR_FAILED, QR_UNKNOWN,
            QR_PAYMENT_RECEIVED, QR_PAYMENT_FLAGGED, OTP_SENT, OTP_REGISTRATION_OTP_SENT, OTP_FAILED, OTP_UNKNOWN,
            OTP_EXPIRED);
    public static final String EVERY = "*";
    public static final List<String> WILDCARDS = List.of(EVERY, "qr_code.*", "transfer_otp.*");

    private EventTypes() {
    }

    public static boolean isFilter(String filter) {
        return ALL.contains(filter) || WILDCARDS.contains(filter);
    }
}
