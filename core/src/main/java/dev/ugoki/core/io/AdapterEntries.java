package dev.ugoki.core.io;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.core.policy.GaussianPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipOutputStream;

/**
 * A policy file's {@link BodyAdapter}, beside its policy: {@code adapter/policy.json} and {@code
 * adapter/params.bin}, the adapter's network as any policy's, and {@code adapter/latent.json}, the
 * base policy's body channels it estimates and the decoding of its latent.
 */
final class AdapterEntries {
  static final String META = "adapter/policy.json";
  static final String PARAMS = "adapter/params.bin";
  static final String LATENT = "adapter/latent.json";

  private AdapterEntries() {}

  static void write(ZipOutputStream zip, BodyAdapter adapter, PolicyFile.Meta meta)
      throws IOException {
    zip.putNextEntry(PolicyFile.entry(META));
    zip.write(
        CanonicalJson.MAPPER.writeValueAsBytes(PolicyFile.header(adapter.network(), meta, null)));
    zip.closeEntry();
    zip.putNextEntry(PolicyFile.entry(PARAMS));
    zip.write(PolicyJson.floats(adapter.network().network().params()));
    zip.closeEntry();
    zip.putNextEntry(PolicyFile.entry(LATENT));
    Map<String, Object> latent = new TreeMap<>();
    latent.put("body_channels", adapter.bodyChannels());
    latent.put("decode", adapter.decode());
    zip.write(CanonicalJson.MAPPER.writeValueAsBytes(latent));
    zip.closeEntry();
  }

  /** The adapter a file holds, checked against its base policy; null for none. */
  static BodyAdapter read(Path file, Map<String, byte[]> entries, GaussianPolicy base)
      throws IOException {
    boolean any =
        entries.containsKey(META) || entries.containsKey(PARAMS) || entries.containsKey(LATENT);
    if (!any) {
      return null;
    }
    if (!entries.containsKey(LATENT)) {
      throw PolicyFile.corrupt(file, "it lacks " + LATENT);
    }
    GaussianPolicy net = PolicyFile.parse(file, entries, META, PARAMS).policy();
    Map<String, Object> latent =
        CanonicalJson.MAPPER.readValue(entries.get(LATENT), new TypeReference<>() {});
    if (!(latent.get("body_channels") instanceof List<?> names)) {
      throw PolicyFile.corrupt(file, LATENT + " has no body_channels list");
    }
    List<String> channels = new ArrayList<>();
    for (Object n : names) {
      if (!(n instanceof String name) || base.observationSpec().indexOf(name) < 0) {
        throw PolicyFile.corrupt(
            file, "its adapter names " + n + ", which is no channel of its policy");
      }
      channels.add(name);
    }
    float[] decode = PolicyJson.toFloats(PolicyJson.doubles(latent.get("decode")));
    try {
      return new BodyAdapter(net, channels, decode).shared();
    } catch (IllegalArgumentException e) {
      throw PolicyFile.corrupt(file, "its adapter does not fit (" + e.getMessage() + ")");
    }
  }
}
