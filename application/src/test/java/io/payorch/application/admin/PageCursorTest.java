package io.payorch.application.admin;

import io.payorch.application.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageCursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-03-01T10:00:00.123456Z"), "qr_01ABC");
        assertEquals(cursor, PageCursor.decode(cursor.encode()));
        PageCursor early = new PageCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), "qr_x");
        assertEquals(early, PageCursor.decode(early.encode()));
    }

    @Test
    void anythingElseIsA400OnCursor() {
        for (String bad : new String[]{"", "abc", "djE6MTIz", "!!!", "djI6MTox", "djE6eDpx"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> PageCursor.decode(bad), bad);
            assertEquals("cursor", e.errors().get(0).field());
        }
    }

    @Test
    void limitsAreOneTo200DefaultFifty() {
        assertEquals(50, PageRequest.parse(null, null).limit());
        assertEquals(200, PageRequest.parse("200", null).limit());
        for (String bad : new String[]{"0", "201", "-1", "1.5", "x", "99999999999"}) {
            assertThrows(InvalidRequestException.class, () -> PageRequest.parse(bad, null), bad);
        }
    }
}
