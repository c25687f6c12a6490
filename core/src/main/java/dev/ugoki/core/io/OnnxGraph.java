package dev.ugoki.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;

/**
 * A small builder of an ONNX graph over the schema's generated classes (package {@code onnx}, which
 * ND4J ships for its ONNX import): named constants (initializers, little-endian raw data), nodes
 * with fresh output names, and typed inputs and outputs whose first dimension is the batch. The
 * protobuf writer, not this class, lays out the bytes.
 */
final class OnnxGraph {
  static final int FLOAT = Onnx.TensorProto.DataType.FLOAT_VALUE;
  static final int DOUBLE = Onnx.TensorProto.DataType.DOUBLE_VALUE;
  static final int INT64 = Onnx.TensorProto.DataType.INT64_VALUE;

  /** The symbolic first dimension of every input and output. */
  static final String BATCH = "batch";

  private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
  private int names;

  OnnxGraph(String name) {
    graph.setName(name);
  }

  /** A float constant of the given shape. */
  String constant(String name, float[] values, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return constant(name, FLOAT, b.array(), dims);
  }

  /** A double constant of the given shape. */
  String constant(String name, double[] values, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values);
    return constant(name, DOUBLE, b.array(), dims);
  }

  /** An int64 constant of the given shape. */
  String constant(String name, long[] values, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(values);
    return constant(name, INT64, b.array(), dims);
  }

  private String constant(String name, int type, byte[] raw, long... dims) {
    Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name).setDataType(type);
    for (long d : dims) {
      t.addDims(d);
    }
    graph.addInitializer(t.setRawData(ByteString.copyFrom(raw)));
    return name;
  }

  /** A node of {@code op} on {@code inputs}; returns its one output's name. */
  String node(String op, String... inputs) {
    return node(op, null, inputs);
  }

  /** A node with one integer attribute ({@code to} of a Cast). */
  String node(String op, Onnx.AttributeProto attribute, String... inputs) {
    String out = op.toLowerCase(java.util.Locale.ROOT) + "_" + names++;
    return nodeInto(out, op, attribute, inputs);
  }

  /** A node whose output has the given name (a graph output). */
  String nodeInto(String out, String op, Onnx.AttributeProto attribute, String... inputs) {
    Onnx.NodeProto.Builder n = Onnx.NodeProto.newBuilder().setOpType(op).setName(out);
    for (String in : inputs) {
      n.addInput(in);
    }
    if (attribute != null) {
      n.addAttribute(attribute);
    }
    graph.addNode(n.addOutput(out));
    return out;
  }

  static Onnx.AttributeProto intAttribute(String name, long value) {
    return Onnx.AttributeProto.newBuilder()
        .setName(name)
        .setType(Onnx.AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  /** A cast of {@code in} to {@code type}. */
  String cast(String in, int type) {
    return node("Cast", intAttribute("to", type), in);
  }

  /** A graph input of {@code type}, batch x the given dimensions. */
  void input(String name, int type, String doc, long... dims) {
    graph.addInput(value(name, type, doc, dims));
  }

  /** A graph output of {@code type}, batch x the given dimensions. */
  void output(String name, int type, String doc, long... dims) {
    graph.addOutput(value(name, type, doc, dims));
  }

  private static Onnx.ValueInfoProto value(String name, int type, String doc, long... dims) {
    Onnx.TensorShapeProto.Builder shape =
        Onnx.TensorShapeProto.newBuilder()
            .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
    for (long d : dims) {
      shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return Onnx.ValueInfoProto.newBuilder()
        .setName(name)
        .setDocString(doc)
        .setType(
            Onnx.TypeProto.newBuilder()
                .setTensorType(
                    Onnx.TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape)))
        .build();
  }

  Onnx.GraphProto build() {
    return graph.build();
  }
}
