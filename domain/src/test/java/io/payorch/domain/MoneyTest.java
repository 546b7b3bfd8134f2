package io.payorch.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"10,1000,10.00,10", "10.5,1050,10.50,10.5", "10.50,1050,10.50,10.5", "0.01,1,0.01,0.01",
            "100000,10000000,100000.00,100000", "007.10,710,7.10,7.1"})
    void parsesPlainDecimalRupees(String text, long paise, String decimal, String rupees) {
        Money money = Money.parse(text);
        assertEquals(paise, money.paise());
        assertEquals(decimal, money.toDecimalString());
        assertEquals(rupees, money.toRupeeString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "1e3", "1E3", "10.555", "", " 10", "10 ", "abc", "+10", "10.",
            ".5", "1,000", "१०", "NaN", "Infinity", "0x10", "99999999999999"})
    void refusesAnythingButAPositivePlainDecimalWithTheFieldName(String text) {
        DomainException e = assertThrows(DomainException.class, () -> Money.parse(text));
        assertEquals("amount", e.field());
    }

    @Test
    void refusesNull() {
        assertEquals("amount", assertThrows(DomainException.class, () -> Money.parse(null)).field());
    }

    @Test
    void enforcesTheConfiguredUpperLimit() {
        assertEquals(Money.DEFAULT_MAXIMUM, Money.parse("100000", Money.DEFAULT_MAXIMUM));
        DomainException e = assertThrows(DomainException.class, () -> Money.parse("100000.01", Money.DEFAULT_MAXIMUM));
        assertTrue(e.getMessage().contains("100000.00"));
        assertThrows(DomainException.class, () -> Money.parse("501", Money.ofRupees(500)));
    }

    @Test
    void convertsToEachProvidersUnit() {
        Money money = Money.parse("300");
        assertEquals(300, money.toWholeRupees());
        assertEquals(30000, money.paise());
        assertEquals("300", money.toRupeeString());
        assertFalse(Money.parse("300.50").isWholeRupees());
        assertThrows(DomainException.class, () -> Money.parse("300.50").toWholeRupees());
    }

    @Test
    void comparesWithAProvidersDecimalSpelling() {
        Money money = Money.parse("10.50");
        assertTrue(money.equalsDecimal("10.5"));
        assertTrue(money.equalsDecimal("10.50"));
        assertFalse(money.equalsDecimal("10.51"));
        assertFalse(money.equalsDecimal("ten"));
        assertFalse(money.equalsDecimal(null));
    }

    @Test
    void addsExactly() {
        assertEquals(Money.parse("0.30"), Money.parse("0.10").plus(Money.parse("0.20")));
    }

    @Test
    void neverHoldsZeroOrLess() {
        assertThrows(DomainException.class, () -> Money.ofPaise(0));
        assertThrows(DomainException.class, () -> Money.ofPaise(-5));
    }
}
