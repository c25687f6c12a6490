package dev.ugoki.core.cli;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.OnnxExport;
import dev.ugoki.core.io.PolicyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki export}: a policy file as an ONNX model, to run outside the JVM. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a policy's deterministic actions as a standard ONNX model: input obs (raw"
            + " observations, batch x channels), output action (inside the action box), and with"
            + " --critic the value; the channel names and bounds are in its metadata. A policy"
            + " that infers its body is exported with its adapter (its input adds the history).")
public final class ExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--policy",
      converter = PolicyPathConverter.class,
      required = true,
      paramLabel = "FILE",
      description = "A policy file (policy.zip, a checkpoint, or zoo:NAME).")
  Path policy;

  @Option(
      names = "--onnx",
      required = true,
      paramLabel = "OUT.onnx",
      description = "The model to write (written whole or not at all).")
  Path onnx;

  @Option(names = "--critic", description = "Also output the critic's value of each observation.")
  boolean critic;

  @Override
  public Integer call() throws Exception {
    AtomicFiles.checkWritable(onnx); // a folder, device, pipe or link is refused, not replaced
    PolicyFile.Loaded loaded = PolicyFile.load(policy);
    if (Files.exists(onnx) && Files.isSameFile(onnx, policy)) {
      throw new IllegalArgumentException("--onnx " + onnx + " would overwrite the policy file");
    }
    if (onnx.toAbsolutePath().getParent() != null) {
      Files.createDirectories(onnx.toAbsolutePath().getParent());
    }
    OnnxExport.write(onnx, loaded, critic);
    var in = OnnxExport.inputSpec(loaded);
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s (%,d bytes): %s -> %d observation channels -> %d actions%s%n",
            onnx,
            Files.size(onnx),
            loaded.meta().scenario(),
            in.size(),
            loaded.actionSpec().size(),
            loaded.adapter() != null ? " and the body it infers" : "");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
