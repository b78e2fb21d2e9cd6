package org.convlab.sweep;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.convlab.train.AtomicFiles;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The CSV file of a sweep's rows: {@code trial, rung, epochs, <parameters…>, status, val_accuracy,
 * train_accuracy, final_loss, seconds, message}. Reals are written exactly ({@link Double#toString},
 * {@code NaN} for none), the message on one line, quoted when needed. Each row is appended and forced to
 * disk when its trial ends, so a crash loses at most the trials that were running; a row cut off by a
 * crash is dropped when the log is reopened.
 */
final class TrialLog implements Closeable {
    static final String TRIAL = "trial";
    static final String RUNG = "rung";
    static final String EPOCHS = "epochs";
    static final String STATUS = "status";
    static final String SECONDS = "seconds";
    static final String MESSAGE = "message";

    private final FileChannel channel;
    private final List<String> names;

    private TrialLog(FileChannel channel, List<String> names) {
        this.channel = channel;
        this.names = names;
    }

    /** The columns of a log of a space with these parameter names. */
    static List<String> columns(List<String> names) {
        return Stream.of(List.of(TRIAL, RUNG, EPOCHS), names, List.of(STATUS, Metric.VALIDATION_ACCURACY.column(),
                Metric.TRAIN_ACCURACY.column(), Metric.FINAL_LOSS.column(), SECONDS, MESSAGE))
                .flatMap(List::stream).toList();
    }

    /** Starts a new log with its header; the file must not exist. */
    static TrialLog create(Path file, List<String> names) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        TrialLog log = new TrialLog(channel, names);
        log.write(line(columns(names)));
        return log;
    }

    /**
     * Opens an existing log to append to, after dropping a last row cut off by a crash.
     *
     * @throws IOException if the file's header is not that of a log of these parameters
     */
    static TrialLog reopen(Path file, List<String> names) throws IOException {
        checkHeader(file, names);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long end = completeLength(channel);
        channel.truncate(end);
        channel.position(end);
        return new TrialLog(channel, names);
    }

    /** Appends a row and forces it to disk. */
    void append(TrialResult row) throws IOException {
        write(row(row, names));
    }

    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Writes rows to a file as a whole, atomically. */
    static void write(Path file, List<TrialResult> rows, List<String> names) throws IOException {
        StringBuilder text = new StringBuilder(line(columns(names))).append('\n');
        for (TrialResult row : rows) {
            text.append(row(row, names)).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /**
     * The rows of a log, in file order, with parameter values read by the space's domains; a last row
     * cut off by a crash is left out.
     *
     * @throws IOException if the file cannot be read, its header does not fit the space, or a cell is malformed
     */
    static List<TrialResult> read(Path file, SearchSpace space) throws IOException {
        List<String> names = space.names();
        checkHeader(file, names);
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        Table table = Table.read().csv(CsvReadOptions.builder(new ByteArrayInputStream(bytes, 0, end))
                .columnTypes(column -> ColumnType.STRING).missingValueIndicator("").maxCharsPerColumn(1 << 20).header(true)
                .build());
        List<TrialResult> rows = new ArrayList<>();
        for (Row cells : table) {
            int line = rows.size() + 2;
            try {
                Map<String, Object> values = new LinkedHashMap<>();
                for (String name : names) {
                    values.put(name, space.domain(name).parseValue(cells.getString(name)));
                }
                rows.add(new TrialResult(Integer.parseInt(cells.getString(TRIAL)), Integer.parseInt(cells.getString(RUNG)),
                        Integer.parseInt(cells.getString(EPOCHS)), Config.of(values),
                        TrialStatus.valueOf(cells.getString(STATUS)), real(cells, Metric.VALIDATION_ACCURACY.column()),
                        real(cells, Metric.TRAIN_ACCURACY.column()), real(cells, Metric.FINAL_LOSS.column()),
                        real(cells, SECONDS), cells.getString(MESSAGE), null));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ", line " + line + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static double real(Row cells, String column) {
        String text = cells.getString(column);
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    private static void checkHeader(Path file, List<String> names) throws IOException {
        String header;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            header = lines.findFirst().orElse("");
        }
        String expected = line(columns(names));
        if (!header.equals(expected)) {
            throw new IOException(file + ": its columns are '" + header + "' but this sweep's would be '" + expected
                    + "'; it is the log of a sweep over other parameters");
        }
    }

    /** The length of the file up to the end of its last complete line. */
    private static long completeLength(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long at = size - 1; at >= 0; at--) {
            one.clear();
            channel.read(one, at);
            if (one.get(0) == '\n') {
                return at + 1;
            }
        }
        return 0;
    }

    private static String row(TrialResult row, List<String> names) {
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(row.trial()));
        cells.add(Integer.toString(row.rung()));
        cells.add(Integer.toString(row.epochs()));
        names.forEach(name -> cells.add(Domain.format(row.config().get(name))));
        cells.add(row.status().name());
        cells.add(Double.toString(row.validationAccuracy()));
        cells.add(Double.toString(row.trainAccuracy()));
        cells.add(Double.toString(row.finalLoss()));
        cells.add(Double.toString(row.seconds()));
        cells.add(row.message().map(m -> m.replaceAll("\\s*\\R\\s*", "; ")).orElse(""));
        return line(cells);
    }

    private static String line(List<String> cells) {
        return cells.stream().map(TrialLog::quoted).collect(Collectors.joining(","));
    }

    /** A cell, quoted if it holds a comma, a quote or surrounding blanks. */
    private static String quoted(String cell) {
        boolean plain = !cell.contains(",") && !cell.contains("\"") && cell.strip().equals(cell);
        return plain ? cell : "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
