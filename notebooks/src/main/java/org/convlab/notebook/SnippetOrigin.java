package org.convlab.notebook;

/**
 * Where a JShell snippet came from: the cell (its execution count, {@code In[n]}) and the cell line its source
 * starts on, so that snippet-relative line numbers can be reported as cell lines.
 *
 * @param cell the execution count of the cell; 0 for code the kernel ran at startup
 * @param line the 1-based line of the cell the snippet starts on
 */
record SnippetOrigin(int cell, int line) {
    /** Code run by the kernel itself before any cell. */
    static final SnippetOrigin STARTUP = new SnippetOrigin(0, 1);

    /** The location of a snippet-relative line, e.g. {@code Cell In[5], line 3}. */
    String describe(int snippetLine) {
        int cellLine = line + Math.max(snippetLine, 1) - 1;
        return cell > 0 ? "Cell In[" + cell + "], line " + cellLine : "kernel startup code, line " + cellLine;
    }
}
