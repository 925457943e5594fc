/**
 * Bencoding (BEP 3): a sealed value type, a strict bounded reader and a canonical writer.
 *
 * <p>Grammar, as BEP 3 gives it:
 * <pre>
 *   integer     i&lt;decimal&gt;e        i42e   i-7e    (no leading zeros, no "-0")
 *   byte string &lt;len&gt;:&lt;bytes&gt;     4:spam         (len in decimal, no leading zeros)
 *   list        l&lt;values&gt;e         l4:spami42ee
 *   dictionary  d&lt;key value&gt;e      d3:cow3:mooe   (keys are byte strings, sorted as raw bytes)
 * </pre>
 *
 * <p>Everything read from the network or from a file goes through {@link org.swarmbid.core.bencode.BencodeReader}
 * with {@link org.swarmbid.core.bencode.BencodeLimits}: depth, token count, string length and input length are all
 * bounded, so hostile input fails fast with a {@link org.swarmbid.core.bencode.BencodeException} that names the
 * offset and the problem.
 *
 * <p>Owns: nothing but the encoding. Imports no other Swarmbid package. Threading: values are immutable and
 * thread-safe; readers and writers are stateless static methods.
 */
package org.swarmbid.core.bencode;
