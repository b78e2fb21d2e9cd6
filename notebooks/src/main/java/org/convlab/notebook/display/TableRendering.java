package org.convlab.notebook.display;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.List;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables in a notebook: an HTML table (every value escaped, numbers right-aligned) limited to
 * {@value #DEFAULT_MAX_ROWS} rows with a "… N more rows" note, and the same rows as {@code text/plain}.
 */
public final class TableRendering {
    /** Rows shown inline; the rest are counted in a note. */
    public static final int DEFAULT_MAX_ROWS = 20;

    private TableRendering() {
    }

    /**
     * The table as an HTML {@code <table>}: a caption with its name and size, a header row, and its first
     * {@code maxRows} rows.
     *
     * @param table   the table
     * @param maxRows the most rows to show (at least 0)
     * @return the HTML fragment
     */
    public static String html(Table table, int maxRows) {
        int shown = shownRows(table, maxRows);
        StringBuilder sb = new StringBuilder("<div class=\"convlab-table\"><table>\n<caption>")
                .append(Html.escape(caption(table))).append("</caption>\n<thead><tr>");
        for (Column<?> column : table.columns()) {
            sb.append("<th title=\"").append(Html.escape(column.type().name())).append("\">")
                    .append(Html.escape(column.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < shown; row++) {
            sb.append("<tr>");
            for (Column<?> column : table.columns()) {
                sb.append(column instanceof NumericColumn<?> ? "<td style=\"text-align:right\">" : "<td>")
                        .append(Html.escape(column.getString(row))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>");
        String more = moreRows(table, shown);
        if (!more.isEmpty()) {
            sb.append("\n<p><em>").append(more).append("</em></p>");
        }
        return sb.append("</div>").toString();
    }

    /**
     * The table's first {@code maxRows} rows as aligned text, with the same note as {@link #html}.
     *
     * @param table   the table
     * @param maxRows the most rows to show (at least 0)
     * @return the text
     */
    public static String text(Table table, int maxRows) {
        int shown = shownRows(table, maxRows);
        String more = moreRows(table, shown);
        return table.first(shown).printAll() + (more.isEmpty() ? "" : "\n" + more);
    }

    static void register() {
        Renderers.register(Table.class, List.of(MIMEType.TEXT_HTML), List.of(), TableRendering::render);
    }

    private static void render(Table table, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(table, DEFAULT_MAX_ROWS));
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table, DEFAULT_MAX_ROWS));
    }

    private static int shownRows(Table table, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
        }
        return Math.min(maxRows, table.rowCount());
    }

    private static String caption(Table table) {
        String name = table.name() == null ? "" : table.name() + ": ";
        return name + table.rowCount() + (table.rowCount() == 1 ? " row × " : " rows × ")
                + table.columnCount() + (table.columnCount() == 1 ? " column" : " columns");
    }

    private static String moreRows(Table table, int shown) {
        int hidden = table.rowCount() - shown;
        return hidden == 0 ? "" : "… " + hidden + (hidden == 1 ? " more row" : " more rows");
    }
}
