/**
 * Inline display of convlab and library objects in notebooks: the {@link org.convlab.notebook.display.Renderers}
 * registry and the renderers of charts, images, tables, tensors, gradient-check reports, training histories and
 * sweep results. Usable outside a kernel too, e.g. to produce the HTML of a table.
 */
package org.convlab.notebook.display;
