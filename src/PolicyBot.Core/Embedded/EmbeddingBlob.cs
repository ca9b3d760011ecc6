using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PolicyBot.Core.Embedded;

/// <summary>Vectors on disk: float32, little-endian, no header.</summary>
internal static class EmbeddingBlob
{
    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(vector).CopyTo(bytes);
            return bytes;
        }
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }
        return bytes;
    }

    public static void Read(ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        if (bytes.Length != destination.Length * sizeof(float))
        {
            throw new InvalidDataException($"Stored embedding has {bytes.Length} bytes; expected {destination.Length * sizeof(float)}.");
        }
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
            return;
        }
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }
    }
}
