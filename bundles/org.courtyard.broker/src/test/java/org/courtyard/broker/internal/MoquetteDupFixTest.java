package org.courtyard.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class MoquetteDupFixTest {

  private static byte[] original() throws IOException {
    return PatchingLoader.original(MoquetteDupFix.CLASS);
  }

  @Test
  void thePatchedPostOfficePassesTheVerifierAndStartsWithTheGuard() throws Exception {
    byte[] patched = MoquetteDupFix.patch(original());
    assertNotNull(patched, "Moquette 0.17 has the filtered publish2Subscribers");
    // linking verifies every method's bytecode and stack map frames
    Class<?> postOffice =
        Class.forName(
            MoquetteDupFix.CLASS,
            true,
            new PatchingLoader(MoquetteDupFix.CLASS, MoquetteDupFix::patch));
    assertTrue(postOffice.getClassLoader() instanceof PatchingLoader);

    List<String> start = new ArrayList<>();
    new ClassReader(patched)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String desc, String signature, String[] exceptions) {
                if (!name.equals("publish2Subscribers") || !desc.contains("Ljava/util/Set;")) {
                  return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitVarInsn(int opcode, int var) {
                    record(opcode + ":" + var);
                  }

                  @Override
                  public void visitMethodInsn(
                      int opcode, String owner, String n, String d, boolean itf) {
                    record(owner + "." + n);
                  }

                  @Override
                  public void visitFieldInsn(int opcode, String owner, String n, String d) {
                    record(n);
                  }

                  private void record(String what) {
                    if (start.size() < 4) {
                      start.add(what);
                    }
                  }
                };
              }
            },
            0);
    assertEquals(
        List.of(Opcodes.ALOAD + ":4", "java/util/Set.isEmpty", "NO_FILTER", Opcodes.ASTORE + ":4"),
        start);
  }

  @Test
  void aClassWithoutTheMethodIsLeftAlone() throws IOException {
    assertNull(MoquetteDupFix.patch(PatchingLoader.original("io.moquette.broker.Server")));
  }
}
