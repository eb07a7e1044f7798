package org.dsrcnn.engine.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dsrcnn.engine.data.BadFiles;
import org.dsrcnn.engine.model.SparseRcnn;
import org.dsrcnn.engine.model.TinyModels;
import org.dsrcnn.engine.model.io.ModelFiles;

/**
 * The folder of bad inputs {@link BadInputCorpusTest} runs through the command line, generated from
 * scratch: images (zero-byte, truncated, huge headers, not an image, CMYK, YCCK, 16-bit), datasets
 * (broken, NaN-laden, empty, all missing, all unreadable, wrong-size and huge images), model
 * directories (truncated, bit-flipped, a corrupt tensor count, out-of-range or broken configs).
 */
final class BadInputCorpus {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final List<String> CLASSES = List.of("circle", "square", "triangle", "star", "ring", "cross", "arrow",
            "heart");

    final Path root;
    final Path images;
    final Path models;
    final Path data;
    final Path goodModel;
    final Path goodData;

    BadInputCorpus(Path root) throws IOException {
        this.root = root;
        this.images = Files.createDirectories(root.resolve("images"));
        this.models = Files.createDirectories(root.resolve("models"));
        this.data = Files.createDirectories(root.resolve("data"));
        this.goodModel = models.resolve("good");
        this.goodData = data.resolve("good");
        writeImages();
        writeModels();
        writeDatasets();
    }

    Path image(String name) {
        return images.resolve(name);
    }

    Path model(String name) {
        return models.resolve(name);
    }

    Path dataset(String name) {
        return data.resolve(name);
    }

    private void writeImages() throws IOException {
        BadFiles.png(image("valid.png"), 64, 48, 0x4080c0);
        Files.write(image("zero-byte.png"), new byte[0]);
        BadFiles.truncated(BadFiles.png(images.resolve("full.png"), 64, 64, 0x336699), image("truncated.png"), 0.6);
        BadFiles.truncated(BadFiles.jpeg(images.resolve("full.jpg"), 64, 64), image("truncated.jpg"), 0.8);
        BadFiles.hugePng(image("huge-header.png"), 20000, 20000, true);
        BadFiles.jpegClaiming(image("full.jpg"), image("huge-header.jpg"), 60000, 60000);
        Files.writeString(image("not-an-image.png"), "hello, I am a text file");
        Files.createDirectories(image("folder.png"));
        BadFiles.cmykJpeg(image("cmyk.jpg"), 64, 48, false);
        BadFiles.cmykJpeg(image("ycck.jpg"), 64, 48, true);
        BadFiles.png16(image("rgb16.png"), 64, 48, 200 * 257, 30 * 257, 30 * 257);
        BadFiles.grey16(image("grey16.png"), 64, 48, 128 * 257);
        Files.createDirectories(images.resolve("a"));
        Files.createDirectories(images.resolve("b"));
        Files.copy(image("valid.png"), images.resolve("a/same.png"));
        Files.copy(image("valid.png"), images.resolve("b/same.png"));
    }

    private void writeModels() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            SparseRcnn model = new SparseRcnn(TinyModels.tiny("head.numClasses", "8", "input.testShortSide", "64",
                    "input.testMaxSize", "64"));
            model.initialize(manager);
            ModelFiles.save(model, CLASSES, java.util.Map.of("weights", "random, for the bad-input corpus"), goodModel);
        }
        Files.createDirectories(model("empty"));
        Path weights = goodModel.resolve(ModelFiles.WEIGHTS);
        long size = Files.size(weights);

        copyModel("truncated-weights");
        BadFiles.truncated(weights, model("truncated-weights").resolve(ModelFiles.WEIGHTS), 0.5);
        copyModel("zero-byte-weights");
        Files.write(model("zero-byte-weights").resolve(ModelFiles.WEIGHTS), new byte[0]);
        copyModel("bit-flipped-weights");
        flipBit(model("bit-flipped-weights").resolve(ModelFiles.WEIGHTS), size * 3 / 4);
        copyModel("huge-tensor-count");
        try (RandomAccessFile f = new RandomAccessFile(model("huge-tensor-count").resolve(ModelFiles.WEIGHTS).toFile(),
                "rw")) {
            f.seek(9); // after the 8-byte magic and the byte-order byte
            f.writeInt(Integer.MAX_VALUE);
        }
        copyModel("no-weights");
        Files.delete(model("no-weights").resolve(ModelFiles.WEIGHTS));

        Path json = goodModel.resolve(ModelFiles.MODEL_JSON);
        String text = Files.readString(json);
        copyModel("truncated-model-json");
        Files.writeString(model("truncated-model-json").resolve(ModelFiles.MODEL_JSON), text.substring(0, text.length() / 2));
        copyModel("nms-iou-7");
        Files.writeString(model("nms-iou-7").resolve(ModelFiles.MODEL_JSON),
                text.replaceAll("\"nmsIou\"\\s*:\\s*[0-9.]+", "\"nmsIou\" : 7.0"));
        copyModel("nan-lr");
        Files.writeString(model("nan-lr").resolve(ModelFiles.MODEL_JSON),
                text.replaceAll("\"lr\"\\s*:\\s*[0-9.eE-]+", "\"lr\" : NaN"));
        copyModel("wrong-class-count");
        Files.writeString(model("wrong-class-count").resolve(ModelFiles.MODEL_JSON),
                text.replace("\"heart\"", "\"heart\", \"extra\""));
        copyModel("bit-flipped-model-json");
        flipBit(model("bit-flipped-model-json").resolve(ModelFiles.MODEL_JSON), text.indexOf("\"format\"") + 2);
    }

    private void copyModel(String name) throws IOException {
        Path target = Files.createDirectories(model(name));
        try (Stream<Path> files = Files.list(goodModel)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
    }

    private static void flipBit(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x04);
        }
    }

    private void writeDatasets() throws IOException {
        int code = Dsrcnn.commandLine().execute("gen-shapes", "--out", goodData.toString(), "--train", "4", "--val",
                "3", "--seed", "5", "--size", "64", "--quiet");
        if (code != 0) {
            throw new IllegalStateException("gen-shapes failed");
        }
        Path wrongSize = copyData("wrong-size");
        BadFiles.png(wrongSize.resolve("val/000001.png"), 80, 60, 0x808080);
        Path oneBad = copyData("one-truncated");
        BadFiles.truncated(goodData.resolve("val/000002.png"), oneBad.resolve("val/000002.png"), 0.5);
        Path huge = copyData("one-huge");
        BadFiles.hugePng(huge.resolve("val/000003.png"), 20000, 20000, true);
        Path allBad = copyData("all-zero-byte");
        for (int i = 1; i <= 3; i++) {
            Files.write(allBad.resolve(String.format("val/%06d.png", i)), new byte[0]);
        }
        Path missing = copyData("all-missing");
        for (int i = 1; i <= 3; i++) {
            Files.delete(missing.resolve(String.format("val/%06d.png", i)));
        }
        Path empty = copyData("empty-split");
        editJson(empty.resolve("annotations/val.json"), root -> {
            root.putArray("images");
            root.putArray("annotations");
        });
        editJson(empty.resolve("annotations/train.json"), root -> {
            root.putArray("images");
            root.putArray("annotations");
        });
        Path broken = copyData("broken-json");
        for (String split : List.of("train", "val")) {
            Path f = broken.resolve("annotations/" + split + ".json");
            String text = Files.readString(f);
            Files.writeString(f, text.substring(0, text.length() / 2));
        }
        Path nanLiteral = copyData("nan-literal");
        for (String split : List.of("train", "val")) {
            Path f = nanLiteral.resolve("annotations/" + split + ".json");
            Files.writeString(f, Files.readString(f).replaceFirst("\"bbox\"\\s*:\\s*\\[\\s*[0-9.]+", "\"bbox\": [NaN"));
        }
        Path infinite = copyData("infinite-boxes");
        editJson(infinite.resolve("annotations/val.json"), root -> root.withArray("annotations").forEach(a -> {
            ArrayNode box = (ArrayNode) a.get("bbox");
            box.set(2, MAPPER.getNodeFactory().numberNode(Double.POSITIVE_INFINITY));
        }));
        Path topArray = copyData("top-level-array");
        Files.writeString(topArray.resolve("annotations/val.json"), "[1, 2, 3]");
        Files.writeString(topArray.resolve("annotations/train.json"), "[1, 2, 3]");
        Path noAnnotations = copyData("no-annotations");
        for (String split : List.of("train", "val")) {
            Files.delete(noAnnotations.resolve("annotations/" + split + ".json"));
        }
    }

    private Path copyData(String name) throws IOException {
        Path target = dataset(name);
        try (Stream<Path> walk = Files.walk(goodData)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = target.resolve(goodData.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    private interface Edit {
        void apply(ObjectNode root);
    }

    private static void editJson(Path file, Edit edit) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        edit.apply((ObjectNode) root);
        // Infinity is not JSON: write it the way a careless exporter would (1e999 reads back as Infinity)
        String text = MAPPER.writeValueAsString(root).replace("\"Infinity\"", "1e999").replace("Infinity", "1e999");
        Files.writeString(file, text);
    }
}
