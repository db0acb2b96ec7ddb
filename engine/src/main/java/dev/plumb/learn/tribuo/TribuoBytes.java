package dev.plumb.learn.tribuo;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.OlcutProto;
import dev.plumb.data.BadInputException;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.protos.TribuoClassificationCore;
import org.tribuo.common.liblinear.protos.TribuoLiblinear;
import org.tribuo.common.nearest.protos.TribuoCommonKnn;
import org.tribuo.math.protos.TribuoMath;
import org.tribuo.math.protos.TribuoMathImpl;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.TribuoCore;
import org.tribuo.protos.core.TribuoCoreImpl;
import org.tribuo.regression.protos.TribuoRegressionCore;

/**
 * Tribuo models as bytes: Tribuo's own protobuf form, which Plumb's model files store instead of
 * Java serialization.
 *
 * <p>Tribuo rebuilds a model from its protobuf by loading the classes the message names
 * ({@code class_name} fields, provenance class names) and calling their
 * {@code deserializeFromProto} methods; it insists on its own interfaces, but loads (and so
 * initializes) a named class before it can check. So {@link #read} first walks the whole message,
 * unpacking every {@code Any} with the descriptors of the Tribuo and OLCUT modules Plumb uses, and
 * accepts only class names under {@value #TRIBUO}, {@value #OLCUT} and Plumb's own adapter
 * ({@value #PLUMB}); a part of an unknown message type is refused too. Byte fields are not walked:
 * in these modules they hold liblinear weights, which name no class.
 *
 * <p>Stateless and thread-safe.
 */
final class TribuoBytes {
  static final String TRIBUO = "org.tribuo.";
  static final String OLCUT = "com.oracle.labs.mlrg.olcut.";
  static final String PLUMB = "dev.plumb.learn.tribuo.";

  private static final String ENUM_PROVENANCE =
      "com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance";
  private static final int MAX_DEPTH = 100;

  private static final TypeRegistry TYPES = TypeRegistry.newBuilder()
      .add(TribuoCore.getDescriptor().getMessageTypes())
      .add(TribuoCoreImpl.getDescriptor().getMessageTypes())
      .add(TribuoClassificationCore.getDescriptor().getMessageTypes())
      .add(TribuoRegressionCore.getDescriptor().getMessageTypes())
      .add(TribuoLiblinear.getDescriptor().getMessageTypes())
      .add(TribuoCommonKnn.getDescriptor().getMessageTypes())
      .add(TribuoMath.getDescriptor().getMessageTypes())
      .add(TribuoMathImpl.getDescriptor().getMessageTypes())
      .add(OlcutProto.getDescriptor().getMessageTypes())
      .build();

  private TribuoBytes() {}

  /** Tribuo's protobuf serialization of {@code model}. */
  static byte[] of(Model<?> model) {
    return model.serialize().toByteArray();
  }

  /**
   * The model in {@code bytes}, after checking every class name in them.
   *
   * @throws BadInputException "model file rejected: ..." for a class name or part type that is not
   *     allowed, "model file is damaged: ..." for bytes that do not parse or that Tribuo refuses
   */
  static Model<?> read(byte[] bytes) {
    ModelProto proto;
    try {
      proto = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new BadInputException("model file is damaged: its Tribuo model does not parse ("
          + e.getMessage() + ")", e);
    }
    check(proto, 0);
    try {
      return Model.deserialize(proto);
    } catch (RuntimeException e) {
      throw new BadInputException("model file is damaged: Tribuo cannot rebuild its model ("
          + e.getMessage() + ")", e);
    }
  }

  private static void check(Message message, int depth) {
    if (depth > MAX_DEPTH) {
      throw rejected("its Tribuo model nests deeper than " + MAX_DEPTH + " levels");
    }
    Descriptor type = message.getDescriptorForType();
    if (type.getFullName().equals("google.protobuf.Any")) {
      String url = (String) message.getField(type.findFieldByName("type_url"));
      ByteString value = (ByteString) message.getField(type.findFieldByName("value"));
      Descriptor inner;
      try {
        inner = TYPES.getDescriptorForTypeUrl(url);
      } catch (InvalidProtocolBufferException e) {
        inner = null;
      }
      if (inner == null) {
        throw rejected("its Tribuo model has a part of type '" + url + "', which is not allowed");
      }
      try {
        check(DynamicMessage.parseFrom(inner, value), depth + 1);
      } catch (InvalidProtocolBufferException e) {
        throw new BadInputException("model file is damaged: its Tribuo model does not parse ("
            + e.getMessage() + ")", e);
      }
      return;
    }
    Map<FieldDescriptor, Object> fields = message.getAllFields();
    boolean enumProvenance = false;
    for (Map.Entry<FieldDescriptor, Object> e : fields.entrySet()) {
      if (e.getKey().getName().equals("provenance_class_name")
          && ENUM_PROVENANCE.equals(e.getValue())) {
        enumProvenance = true;
      }
    }
    for (Map.Entry<FieldDescriptor, Object> e : fields.entrySet()) {
      FieldDescriptor field = e.getKey();
      List<?> values = field.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
      for (Object v : values) {
        if (v instanceof Message m) {
          check(m, depth + 1);
        } else if (v instanceof String s && (field.getName().endsWith("class_name")
            || enumProvenance && field.getName().equals("additional"))) {
          checkClassName(s);
        }
      }
    }
  }

  private static void checkClassName(String name) {
    if (!name.startsWith(TRIBUO) && !name.startsWith(OLCUT) && !name.startsWith(PLUMB)) {
      throw rejected("class " + name + " is not allowed");
    }
  }

  private static BadInputException rejected(String why) {
    return new BadInputException("model file rejected: " + why);
  }
}
