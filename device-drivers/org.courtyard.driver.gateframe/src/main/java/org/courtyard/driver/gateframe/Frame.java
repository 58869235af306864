package org.courtyard.driver.gateframe;

import java.nio.ByteBuffer;

/**
 * Anmen's frame:
 *
 * <pre>
 * A5 5A | len | ver=01 | type | seq (u32) | ts (u32, epoch s) | body … | crc (u16)
 *          └─ bytes from ver to the end of body ─┘                      └ CRC-16/CCITT-FALSE over them
 * </pre>
 *
 * All integers are big-endian.
 */
final class Frame {

  static final int MAGIC_1 = 0xA5;
  static final int MAGIC_2 = 0x5A;
  static final int VERSION = 1;
  static final int HEADER = 10; // ver, type, seq, ts
  static final int ACCESS = 0x01;
  static final int ALARM = 0x02;
  static final int HEARTBEAT = 0x03;
  static final int ACK = 0x04;
  static final int OPEN = 0x81;
  static final int CREDENTIAL_ADD = 0x82;
  static final int CREDENTIAL_REMOVE = 0x83;

  final int type;
  final long seq;
  final long ts;
  final ByteBuffer body;

  private Frame(int type, long seq, long ts, ByteBuffer body) {
    this.type = type;
    this.seq = seq;
    this.ts = ts;
    this.body = body;
  }

  /** Thrown for frames that cannot be read; the driver turns it into a rejected result. */
  static final class Invalid extends Exception {
    final boolean checksum;

    Invalid(String message, boolean checksum) {
      super(message, null, false, false);
      this.checksum = checksum;
    }
  }

  static Frame parse(byte[] bytes) throws Invalid {
    if (bytes.length < 3 + HEADER + 2) {
      throw new Invalid("frame of " + bytes.length + " bytes is shorter than a header", false);
    }
    if ((bytes[0] & 0xFF) != MAGIC_1 || (bytes[1] & 0xFF) != MAGIC_2) {
      throw new Invalid("no A5 5A start", false);
    }
    int len = bytes[2] & 0xFF;
    if (len < HEADER) {
      throw new Invalid("length " + len + " is shorter than a header", false);
    }
    if (bytes.length != 3 + len + 2) {
      throw new Invalid(
          "length byte says " + (3 + len + 2) + " bytes, the frame has " + bytes.length, false);
    }
    int expected = ((bytes[3 + len] & 0xFF) << 8) | (bytes[3 + len + 1] & 0xFF);
    int actual = crc16(bytes, 3, len);
    if (expected != actual) {
      throw new Invalid(String.format("CRC %04X, computed %04X", expected, actual), true);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 3, len);
    int version = b.get() & 0xFF;
    if (version != VERSION) {
      throw new Invalid("frame version " + version + ", this driver reads 1", false);
    }
    int type = b.get() & 0xFF;
    long seq = b.getInt() & 0xFFFFFFFFL;
    long ts = b.getInt() & 0xFFFFFFFFL;
    return new Frame(type, seq, ts, b.slice());
  }

  /** Builds a frame of {@code type} around {@code body}. */
  static byte[] build(int type, long seq, long ts, byte[] body) {
    int len = HEADER + body.length;
    if (len > 255) {
      throw new IllegalArgumentException("body too long");
    }
    ByteBuffer b = ByteBuffer.allocate(3 + len + 2);
    b.put((byte) MAGIC_1).put((byte) MAGIC_2).put((byte) len);
    b.put((byte) VERSION).put((byte) type).putInt((int) seq).putInt((int) ts).put(body);
    b.putShort((short) crc16(b.array(), 3, len));
    return b.array();
  }

  /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final xor. */
  static int crc16(byte[] data, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc ^= (data[i] & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
        crc &= 0xFFFF;
      }
    }
    return crc;
  }
}
