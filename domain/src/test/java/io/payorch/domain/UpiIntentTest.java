package io.payorch.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpiIntentTest {

    private static final String AOP_EXAMPLE = "upi://pay?ver=01&mode=22&pa=random@razorpay&pn=BOSCENTERPRIVATELIMITED"
            + "&tr=RZPOe8y06oN0Kj1cxqrv2&cu=INR&mc=8299&qrMedium=04&tn=PaymenttoBOSCENTERPRIVATELIMITED&am=10";

    @Test
    void readsThePagesOwnExample() {
        UpiIntent intent = UpiIntent.parse(AOP_EXAMPLE);
        assertEquals(Optional.of("random@razorpay"), intent.payeeAddress());
        assertEquals(Optional.of("10"), intent.amount());
        assertEquals(Optional.empty(), intent.defectFor(Money.parse("10.00"), true));
    }

    @Test
    void namesTheDefectOfADifferentAmountOrAMissingPayee() {
        assertTrue(UpiIntent.parse(AOP_EXAMPLE).defectFor(Money.parse("11"), true).orElseThrow().contains("differs"));
        assertTrue(UpiIntent.parse("upi://pay?am=10").defectFor(Money.parse("10"), true).orElseThrow().contains("pa"));
        assertTrue(UpiIntent.parse("upi://pay?pa=a@b").defectFor(Money.parse("10"), true).orElseThrow().contains("am"));
    }

    @Test
    void refusesWhatIsNotAUpiPayLink() {
        assertThrows(DomainException.class, () -> UpiIntent.parse("https://evil.example/pay?pa=a@b"));
        assertThrows(DomainException.class, () -> UpiIntent.parse(""));
        assertThrows(DomainException.class, () -> UpiIntent.parse("upi://pay?pa=%zz"));
    }
}
