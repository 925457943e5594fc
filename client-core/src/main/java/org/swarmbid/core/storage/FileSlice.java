package org.swarmbid.core.storage;

/**
 * A run of bytes inside one file, the unit a piece or a block is split into where it crosses file boundaries.
 *
 * @param fileIndex  index of the file in {@link StorageLayout#files()}
 * @param fileOffset byte position inside that file (a long: files may exceed 4 GiB)
 * @param length     number of bytes, always positive (zero-length files never produce a slice)
 */
public record FileSlice(int fileIndex, long fileOffset, int length) {
}
