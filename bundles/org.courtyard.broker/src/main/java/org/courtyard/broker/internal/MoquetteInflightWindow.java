package org.courtyard.broker.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Widens Moquette 0.17's window of unacknowledged QoS 1 messages per session. Moquette compiles it
 * in as a constant ({@code BrokerConstants.INFLIGHT_WINDOW_SIZE} = 10, inlined into {@code
 * Session}'s constructor as {@code new AtomicInteger(10)}), and offers no setting. The device
 * gateway acknowledges a message only after the transaction that stored it committed, so with 10 in
 * flight a session would wait for the database every 10 messages and ingest would collapse.
 *
 * <p>This weaving hook replaces that one constant as the broker bundle loads {@code Session}: the
 * {@code 10} pushed right before {@code AtomicInteger.<init>(int)} becomes {@link #WINDOW}. Devices
 * are not affected: they each publish their own few messages. If Moquette's constructor no longer
 * looks like this, the hook logs an error and leaves the class alone (the broker still works, with
 * its own window).
 */
final class MoquetteInflightWindow implements WeavingHook {

  private static final Logger LOG = LoggerFactory.getLogger(MoquetteInflightWindow.class);

  static final String CLASS = "io.moquette.broker.Session";
  static final int ORIGINAL = 10;

  /** Unacknowledged messages per session: two ingest batches of the gateway, and more. */
  static final int WINDOW = 2_048;

  private final Bundle self;

  MoquetteInflightWindow(Bundle self) {
    this.self = self;
  }

  @Override
  public void weave(WovenClass woven) {
    if (!CLASS.equals(woven.getClassName())
        || woven.getBundleWiring().getBundle().getBundleId() != self.getBundleId()) {
      return;
    }
    byte[] patched = patch(woven.getBytes(), WINDOW);
    if (patched == null) {
      LOG.error(
          "Moquette's Session constructor does not create its in-flight window as expected; the"
              + " window stays at Moquette's own size and device ingest will be slower");
      return;
    }
    woven.setBytes(patched);
    LOG.info("Moquette Session patched: {} unacknowledged QoS 1 messages per session", WINDOW);
  }

  /** The class with the window's constant replaced in its constructor(s), or null if not found. */
  static byte[] patch(byte[] original, int window) {
    ClassReader reader = new ClassReader(original);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    int[] replaced = {0};
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String desc, String signature, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
            if (!"<init>".equals(name)) {
              return mv;
            }
            return new MethodVisitor(Opcodes.ASM9, mv) {
              /** A BIPUSH 10 held back until we see whether the AtomicInteger takes it. */
              private boolean pending;

              private void flush() {
                if (pending) {
                  pending = false;
                  super.visitIntInsn(Opcodes.BIPUSH, ORIGINAL);
                }
              }

              @Override
              public void visitIntInsn(int opcode, int operand) {
                flush();
                if (opcode == Opcodes.BIPUSH && operand == ORIGINAL) {
                  pending = true;
                  return;
                }
                super.visitIntInsn(opcode, operand);
              }

              @Override
              public void visitMethodInsn(
                  int opcode, String owner, String mname, String mdesc, boolean itf) {
                if (pending
                    && opcode == Opcodes.INVOKESPECIAL
                    && "java/util/concurrent/atomic/AtomicInteger".equals(owner)
                    && "<init>".equals(mname)
                    && "(I)V".equals(mdesc)) {
                  pending = false;
                  super.visitLdcInsn(window);
                  replaced[0]++;
                } else {
                  flush();
                }
                super.visitMethodInsn(opcode, owner, mname, mdesc, itf);
              }

              @Override
              public void visitInsn(int opcode) {
                flush();
                super.visitInsn(opcode);
              }

              @Override
              public void visitVarInsn(int opcode, int var) {
                flush();
                super.visitVarInsn(opcode, var);
              }

              @Override
              public void visitFieldInsn(int opcode, String owner, String fname, String fdesc) {
                flush();
                super.visitFieldInsn(opcode, owner, fname, fdesc);
              }

              @Override
              public void visitTypeInsn(int opcode, String type) {
                flush();
                super.visitTypeInsn(opcode, type);
              }

              @Override
              public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
                flush();
                super.visitJumpInsn(opcode, label);
              }

              @Override
              public void visitLabel(org.objectweb.asm.Label label) {
                flush();
                super.visitLabel(label);
              }

              @Override
              public void visitLdcInsn(Object value) {
                flush();
                super.visitLdcInsn(value);
              }

              @Override
              public void visitFrame(
                  int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                flush();
                super.visitFrame(type, numLocal, local, numStack, stack);
              }

              @Override
              public void visitInvokeDynamicInsn(
                  String iname, String idesc, org.objectweb.asm.Handle bsm, Object... bsmArgs) {
                flush();
                super.visitInvokeDynamicInsn(iname, idesc, bsm, bsmArgs);
              }

              @Override
              public void visitMaxs(int maxStack, int maxLocals) {
                flush();
                super.visitMaxs(maxStack, maxLocals);
              }
            };
          }
        },
        0);
    return replaced[0] == 1 ? writer.toByteArray() : null;
  }
}
