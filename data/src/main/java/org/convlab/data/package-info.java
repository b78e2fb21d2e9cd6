/**
 * Datasets for convolutional networks, CS231n style: readers for the IDX format (the MNIST family,
 * including the shipped Fashion-MNIST subset) and the CIFAR-10 binary format, train / validation /
 * test {@linkplain org.convlab.data.Split splits} of NCHW float32 images, normalisation fitted on
 * the training split, seeded mini-batches and seeded augmentation.
 *
 * <p>Entry points: {@link org.convlab.data.Dataset#builder()}, {@link org.convlab.data.FashionMnist}
 * and {@link org.convlab.data.Cifar10}.
 *
 * <p><b>Error policy.</b> Every problem with a data file or folder (missing, truncated, corrupt,
 * bad magic number, counts that disagree, labels out of range) throws a
 * {@link org.convlab.data.DataFileException}, a checked {@link java.io.IOException} whose message
 * names the file and says what is wrong. Other I/O failures surface as plain
 * {@code IOException}s. Invalid arguments (negative sizes, a split larger than the data) throw
 * {@link java.lang.IllegalArgumentException}.
 */
package org.convlab.data;
