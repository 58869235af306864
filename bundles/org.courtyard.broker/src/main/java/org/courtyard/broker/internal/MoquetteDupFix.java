package org.courtyard.broker.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around a Moquette 0.17 bug (moquette-io/moquette#961, open upstream) that ends a session
 * thread for good: a QoS 1 publish flagged DUP is routed only to the subscribers an earlier attempt
 * failed for, and when none failed (the usual case, and always after a broker restart) Moquette
 * calls {@code ByteBuf.retain(0)}, which throws. Every client served by that thread then hangs. A
 * device resends with DUP whenever it reconnects before seeing its PUBACK, so this is routine.
 *
 * <p>This weaving hook changes one thing in {@code PostOffice.publish2Subscribers(payload, topic,
 * qos, filter)} as the broker bundle loads it: an empty filter means "every subscriber", as for a
 * first delivery. At-least-once is kept (the gateway stores a redelivered reading once, by its
 * sequence) instead of the thread dying. Only this bundle's copy of Moquette is touched.
 */
final class MoquetteDupFix implements WeavingHook {

  private static final Logger LOG = LoggerFactory.getLogger(MoquetteDupFix.class);

  static final String CLASS = "io.moquette.broker.PostOffice";
  private static final String OWNER = "io/moquette/broker/PostOffice";
  private static final String METHOD = "publish2Subscribers";
  private static final String FILTERED =
      "(Lio/netty/buffer/ByteBuf;Lio/moquette/broker/subscriptions/Topic;"
          + "Lio/netty/handler/codec/mqtt/MqttQoS;Ljava/util/Set;)"
          + "Lio/moquette/broker/RoutingResults;";

  private final Bundle self;

  MoquetteDupFix(Bundle self) {
    this.self = self;
  }

  @Override
  public void weave(WovenClass woven) {
    if (!CLASS.equals(woven.getClassName())
        || woven.getBundleWiring().getBundle().getBundleId() != self.getBundleId()) {
      return;
    }
    byte[] patched = patch(woven.getBytes());
    if (patched == null) {
      LOG.error(
          "Moquette's PostOffice does not have the expected {}{}: redelivered QoS 1 messages may"
              + " end broker session threads",
          METHOD,
          FILTERED);
      return;
    }
    woven.setBytes(patched);
    LOG.info("Moquette PostOffice patched: a redelivered QoS 1 publish goes to every subscriber");
  }

  /** The class with the guard at the start of the filtered publish2Subscribers, or null. */
  static byte[] patch(byte[] original) {
    ClassReader reader = new ClassReader(original);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    boolean[] found = {false};
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String desc, String signature, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
            if (!METHOD.equals(name) || !FILTERED.equals(desc)) {
              return mv;
            }
            found[0] = true;
            return new MethodVisitor(Opcodes.ASM9, mv) {
              @Override
              public void visitCode() {
                super.visitCode();
                // if (filter.isEmpty()) filter = NO_FILTER;
                Label keep = new Label();
                super.visitVarInsn(Opcodes.ALOAD, 4);
                super.visitMethodInsn(
                    Opcodes.INVOKEINTERFACE, "java/util/Set", "isEmpty", "()Z", true);
                super.visitJumpInsn(Opcodes.IFEQ, keep);
                super.visitFieldInsn(Opcodes.GETSTATIC, OWNER, "NO_FILTER", "Ljava/util/Set;");
                super.visitVarInsn(Opcodes.ASTORE, 4);
                super.visitLabel(keep);
                // the locals are the parameters, as at the method's start
                super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
              }
            };
          }
        },
        0);
    return found[0] ? writer.toByteArray() : null;
  }
}
