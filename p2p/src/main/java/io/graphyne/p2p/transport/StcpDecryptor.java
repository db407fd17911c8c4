package io.graphyne.p2p.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Inbound half of the STCP cipher: AES-256-CBC without padding, one continuous CBC chain for the
 * whole connection (spec/p2p.md §1.2). Decrypts every whole 16-byte block as it arrives and keeps
 * the remainder until the block completes.
 */
public final class StcpDecryptor extends ByteToMessageDecoder {
  private final Cipher cipher;

  public StcpDecryptor(byte[] key, byte[] iv) {
    try {
      cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CBC unavailable", e);
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    int n = in.readableBytes() & ~15;
    if (n == 0) {
      return;
    }
    byte[] cipherText = new byte[n];
    in.readBytes(cipherText);
    byte[] plain = cipher.update(cipherText);
    out.add(ctx.alloc().buffer(plain.length).writeBytes(plain));
  }
}
