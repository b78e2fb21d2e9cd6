package org.convlab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.convlab.autograd.Tensor;
import org.convlab.nn.Module;

/**
 * A checkpoint: a NumPy {@code .npz} archive that {@code numpy.load} reads, holding
 * <ul>
 *   <li>the model's parameters and buffers, each under its own name ({@code W1.npy}, {@code b1.npy},
 *       {@code runningMean1.npy}, ...);</li>
 *   <li>the optimizer's state, under {@code optim.<parameter>.<slot>} (e.g. {@code optim.W1.m.npy});</li>
 *   <li>the best parameters and buffers so far, under {@code best.<name>};</li>
 *   <li>{@code metadata.npy}: a JSON string in a 0-d unicode array, so that
 *       {@code json.loads(str(np.load(f)['metadata']))} works. It says what wrote the file
 *       ({@code "format": "convlab-checkpoint"}), and for a {@link Solver} checkpoint the epoch, the
 *       settings that must match on resume and the history so far.</li>
 * </ul>
 *
 * <p>Files are written atomically (temporary file in the same folder, fsync, rename). Reading decodes
 * and checks the whole file first; loading then checks every name and shape against the model (and
 * optimizer) before it copies anything, so a truncated, foreign or mismatched file throws a
 * {@link CheckpointException} naming the file and leaves the model untouched.
 *
 * <pre>{@code
 * Checkpoint.save(model, Path.of("model.npz"));
 * Checkpoint.load(model, Path.of("model.npz"));
 * }</pre>
 */
public final class Checkpoint {
    /** The file name a {@link Solver} writes in its checkpoint folder. */
    public static final String FILE_NAME = "checkpoint.npz";
    /** The value of the metadata's {@code format} field. */
    public static final String FORMAT = "convlab-checkpoint";
    /** The version of the layout described above. */
    public static final int VERSION = 1;

    static final String OPTIMIZER_PREFIX = "optim.";
    static final String BEST_PREFIX = "best.";
    static final String METADATA = "metadata";

    private final Path file;
    private final Map<String, Tensor> model;
    private final Map<String, Tensor> optimizer;
    private final Map<String, Tensor> best;
    private final Map<String, Object> metadata;

    Checkpoint(Path file, Map<String, Tensor> model, Map<String, Tensor> optimizer, Map<String, Tensor> best,
               Map<String, Object> metadata) {
        this.file = file;
        this.model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
        this.optimizer = Collections.unmodifiableMap(new LinkedHashMap<>(optimizer));
        this.best = Collections.unmodifiableMap(new LinkedHashMap<>(best));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Reads and decodes a whole checkpoint.
     *
     * @throws CheckpointException naming the file if it is missing, truncated, not an {@code .npz}, has
     *     no convlab metadata, or holds an array convlab cannot read
     */
    public static Checkpoint read(Path file) throws CheckpointException {
        Npz.Contents contents = Npz.read(file);
        String json = contents.strings().get(METADATA);
        if (json == null) {
            throw new CheckpointException(file.toString(), "no " + METADATA + ".npy entry: not a convlab checkpoint");
        }
        Map<String, Object> metadata;
        try {
            metadata = Json.parseObject(json);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file.toString(), "the metadata is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (!FORMAT.equals(metadata.get("format"))) {
            throw new CheckpointException(file.toString(), "the metadata's format is " + metadata.get("format")
                    + ", expected " + FORMAT + ": not a convlab checkpoint");
        }
        if (!(metadata.get("version") instanceof Number v) || v.intValue() != VERSION) {
            throw new CheckpointException(file.toString(), "checkpoint version " + metadata.get("version")
                    + " is not supported (this convlab reads version " + VERSION + ")");
        }
        Map<String, Tensor> model = new LinkedHashMap<>();
        Map<String, Tensor> optimizer = new LinkedHashMap<>();
        Map<String, Tensor> best = new LinkedHashMap<>();
        contents.tensors().forEach((name, t) -> {
            if (name.startsWith(OPTIMIZER_PREFIX)) {
                optimizer.put(name.substring(OPTIMIZER_PREFIX.length()), t);
            } else if (name.startsWith(BEST_PREFIX)) {
                best.put(name.substring(BEST_PREFIX.length()), t);
            } else {
                model.put(name, t);
            }
        });
        return new Checkpoint(file, model, optimizer, best, metadata);
    }

    /**
     * Saves a model's parameters and buffers (no optimizer state) to {@code file}, atomically.
     */
    public static void save(Module model, Path file) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("version", VERSION);
        metadata.put("kind", "model");
        metadata.put("model", model.describe());
        new Checkpoint(file, model.stateDict(), Map.of(), Map.of(), metadata).write(file);
    }

    /**
     * Loads the parameters and buffers of any convlab checkpoint into {@code model}: its current
     * ones (not the best ones of a Solver checkpoint; see {@link #best()}).
     *
     * @throws CheckpointException if the file cannot be read or does not hold exactly the model's
     *     names with the model's shapes; the model is then unchanged
     */
    public static void load(Module model, Path file) throws CheckpointException {
        Checkpoint checkpoint = read(file);
        checkpoint.checkSameShapes("model state", model.stateDict(), checkpoint.model);
        model.loadStateDict(checkpoint.model);
    }

    /** Writes this checkpoint to {@code target}, atomically. */
    public void write(Path target) throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>(model);
        optimizer.forEach((key, t) -> arrays.put(OPTIMIZER_PREFIX + key, t));
        best.forEach((key, t) -> arrays.put(BEST_PREFIX + key, t));
        Npz.write(target, arrays, Map.of(METADATA, Json.write(metadata)));
    }

    /** The file it was read from or made for. */
    public Path file() {
        return file;
    }

    /** The model's parameters and buffers, by name. */
    public Map<String, Tensor> model() {
        return model;
    }

    /** The optimizer state, keyed {@code parameter.slot} like {@code Optimizer.stateDict()}; empty for a model checkpoint. */
    public Map<String, Tensor> optimizer() {
        return optimizer;
    }

    /** The best parameters and buffers of a Solver run; empty for a model checkpoint. */
    public Map<String, Tensor> best() {
        return best;
    }

    /** The metadata, parsed from its JSON. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * Checks that {@code given} holds exactly the names of {@code expected}, with the same shapes.
     *
     * @param what what the maps hold, for the message, e.g. {@code model state}
     * @throws CheckpointException naming this checkpoint's file and the first difference
     */
    void checkSameShapes(String what, Map<String, Tensor> expected, Map<String, Tensor> given) throws CheckpointException {
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            Tensor t = given.get(e.getKey());
            if (t == null) {
                throw new CheckpointException(file.toString(), what + ": '" + e.getKey() + "' is missing (the model has "
                        + e.getValue().shapeString() + "); was it written for another model?");
            }
            if (!Arrays.equals(t.shape(), e.getValue().shape())) {
                throw new CheckpointException(file.toString(), what + ": '" + e.getKey() + "' has shape " + t.shapeString()
                        + " but the model's is " + e.getValue().shapeString());
            }
        }
        for (String name : given.keySet()) {
            if (!expected.containsKey(name)) {
                throw new CheckpointException(file.toString(), what + ": unexpected entry '" + name
                        + "'; was it written for another model?");
            }
        }
    }
}
