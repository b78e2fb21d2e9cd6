package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

/** How a history shows its numbers: rounded on screen, exact in its CSV files. */
class HistoryTest {

    private static History withOneEpoch() {
        History history = new History();
        history.add(new EpochRecord(1, 180, 0.904, 0.87, 0.9 * 1e-3, 12.330313462));
        return history;
    }

    @Test
    void tablesShowSixSignificantDigits() {
        Table epochs = withOneEpoch().epochTable();
        assertEquals("0.0009", epochs.doubleColumn("learning_rate").getString(0));
        assertEquals("12.3303", epochs.doubleColumn("seconds").getString(0));
    }

    @Test
    void csvKeepsTheExactValues(@TempDir Path folder) throws Exception {
        withOneEpoch().writeCsv(folder);
        String csv = Files.readString(folder.resolve(History.EPOCHS_CSV));
        assertTrue(csv.contains(Double.toString(0.9 * 1e-3)) && csv.contains("12.330313462"), csv);
    }
}
