package io.graphyne.p2p.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Outbound half of the STCP cipher: every write must be a whole number of 16-byte blocks (the
 * framer pads), encrypted on one continuous CBC chain.
 */
public final class StcpEncryptor extends MessageToByteEncoder<ByteBuf> {
  private final Cipher cipher;

  public StcpEncryptor(byte[] key, byte[] iv) {
    try {
      cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CBC unavailable", e);
    }
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) throws Exception {
    int n = msg.readableBytes();
    if ((n & 15) != 0) {
      throw new EncoderException("STCP write of " + n + " bytes is not a multiple of 16");
    }
    byte[] plain = new byte[n];
    msg.readBytes(plain);
    out.writeBytes(cipher.update(plain));
  }
}
