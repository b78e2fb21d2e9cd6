package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionHistoryTest {
    private final ExecutionHistory history = new ExecutionHistory();
    private final Set<ResultFlag> none = EnumSet.noneOf(ResultFlag.class);

    @BeforeEach
    void record() {
        history.record(1, "6 * 7", "42");
        history.record(2, "int x = 1;", "");
        history.record(3, "6 * 7", "42");
        history.record(4, "x + 1", "2");
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    @Test
    void theTailIsTheLastCellsOldestFirst() {
        assertEquals(List.of("6 * 7", "x + 1"), inputs(history.lookupTail(2, none)));
        assertEquals(4, history.lookupTail(0, none).size(), "no limit");
        assertEquals(4, history.lookupTail(10, none).size());
    }

    @Test
    void aRangeSelectsCellNumbersOfThisSessionStopExclusive() {
        List<HistoryEntry> range = history.lookupRange(ExecutionHistory.SESSION, 2, 4, none);
        assertEquals(List.of("int x = 1;", "6 * 7"), inputs(range));
        assertEquals(ExecutionHistory.SESSION, range.get(0).getSession());
        assertEquals(2, range.get(0).getCellNumber());
        assertEquals(2, history.lookupRange(0, 2, 4, none).size(), "0 is the current session");
        assertEquals(List.of(), history.lookupRange(7, 1, 5, none), "other sessions are not kept");
    }

    @Test
    void aSearchMatchesSqliteGlobsAndCanKeepUniqueInputs() {
        assertEquals(List.of("6 * 7", "6 * 7"), inputs(history.search("6 * 7", 0, none)));
        assertEquals(List.of("6 * 7"), inputs(history.search("6*", 0, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(3, history.search("6 * 7", 0, EnumSet.of(ResultFlag.UNIQUE)).get(0).getCellNumber(),
                "unique keeps the latest");
        assertEquals(List.of("x + 1"), inputs(history.search("?[ ]+ 1", 1, none)));
        assertEquals(List.of("int x = 1;"), inputs(history.search("[^6x]*", 0, none)));
    }

    @Test
    void outputsAreIncludedOnRequest() {
        HistoryEntry entry = history.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0);
        assertTrue(entry.hasOutput());
        assertEquals("2", entry.getOutput());
        assertFalse(history.lookupTail(1, none).get(0).hasOutput());
    }

    @Test
    void globsBecomeAnchoredRegularExpressions() {
        assertTrue(ExecutionHistory.globToRegex("a*c").matcher("abbc").matches());
        assertFalse(ExecutionHistory.globToRegex("a*c").matcher("abcd").matches());
        assertTrue(ExecutionHistory.globToRegex("a.c").matcher("a.c").matches());
        assertFalse(ExecutionHistory.globToRegex("a.c").matcher("abc").matches(), "dots are literal");
        assertTrue(ExecutionHistory.globToRegex("[a-c]x").matcher("bx").matches());
        assertTrue(ExecutionHistory.globToRegex("[oops").matcher("[oops").matches(), "malformed is literal");
    }
}
