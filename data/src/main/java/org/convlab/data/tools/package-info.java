/** Command-line tools that maintain the data module's files, such as the embedded Fashion-MNIST subset. */
package org.convlab.data.tools;
