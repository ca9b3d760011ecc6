using System.Buffers;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace PolicyBot.Ai.Embeddings;

/// <summary>One ONNX Runtime session over all-MiniLM-L6-v2; <see cref="EmbedBatch"/> is safe to call concurrently.</summary>
internal sealed class MiniLmSession : IDisposable
{
    private const string HiddenStateOutput = "last_hidden_state";
    private static readonly string[] s_inputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly string[] _outputNames;
    private readonly int _clsId;
    private readonly int _sepId;

    public MiniLmSession(int clsId, int sepId)
    {
        _clsId = clsId;
        _sepId = sepId;
        _sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = Environment.ProcessorCount,
            InterOpNumThreads = 1,
        };
        // ONNX Runtime's worker threads spin while they wait for work by default: idle between two short query embeddings,
        // they would burn the cores that concurrent chat requests need. Waiting threads sleep instead.
        _sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(MiniLmResources.ReadModel(), _sessionOptions);

        // The model also has a pooler output ("924", tanh over [CLS]); sentence-transformers ignores it and so do we.
        var output = _session.OutputMetadata.TryGetValue(HiddenStateOutput, out var metadata)
            ? HiddenStateOutput
            : throw new InvalidOperationException($"The MiniLM model has no '{HiddenStateOutput}' output (found: {string.Join(", ", _session.OutputMetadata.Keys)}).");
        if (metadata.Dimensions[^1] != MiniLmEmbedder.VectorDimensions)
        {
            throw new InvalidOperationException($"The MiniLM model's hidden size is {metadata.Dimensions[^1]}, expected {MiniLmEmbedder.VectorDimensions}.");
        }

        _outputNames = [output];
    }

    /// <summary>Embeds <paramref name="tokens"/>[<paramref name="rows"/>[i]] (word pieces without [CLS]/[SEP]) into <paramref name="results"/> at the same index.</summary>
    public void EmbedBatch(IReadOnlyList<int>[] tokens, ReadOnlySpan<int> rows, float[][] results, CancellationToken cancellationToken)
    {
        var sequence = 0;
        foreach (var row in rows)
        {
            sequence = Math.Max(sequence, tokens[row].Count + 2);
        }

        var size = rows.Length * sequence;
        var ids = ArrayPool<long>.Shared.Rent(size);
        var mask = ArrayPool<long>.Shared.Rent(size);
        var types = ArrayPool<long>.Shared.Rent(size);
        try
        {
            Fill(tokens, rows, sequence, ids.AsSpan(0, size), mask.AsSpan(0, size));
            types.AsSpan(0, size).Clear();
            long[] shape = [rows.Length, sequence];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, size), shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, size), shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, types.AsMemory(0, size), shape);
            using var runOptions = new RunOptions();
            using var registration = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
            using var outputs = Run(runOptions, [idsValue, maskValue, typesValue], cancellationToken);
            Pool(outputs[0].GetTensorDataAsSpan<float>(), tokens, rows, sequence, results);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    private IDisposableReadOnlyCollection<OrtValue> Run(RunOptions runOptions, OrtValue[] inputs, CancellationToken cancellationToken)
    {
        try
        {
            return _session.Run(runOptions, s_inputNames, inputs, _outputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private void Fill(IReadOnlyList<int>[] tokens, ReadOnlySpan<int> rows, int sequence, Span<long> ids, Span<long> mask)
    {
        ids.Clear(); // [PAD] is id 0
        mask.Clear();
        for (var r = 0; r < rows.Length; r++)
        {
            var pieces = tokens[rows[r]];
            var rowIds = ids.Slice(r * sequence, sequence);
            rowIds[0] = _clsId;
            for (var t = 0; t < pieces.Count; t++)
            {
                rowIds[t + 1] = pieces[t];
            }

            rowIds[pieces.Count + 1] = _sepId;
            mask.Slice(r * sequence, pieces.Count + 2).Fill(1);
        }
    }

    // Mean pooling over real tokens, then L2 normalisation; the mean's 1/n cancels in the normalisation, so a sum suffices.
    private static void Pool(ReadOnlySpan<float> hidden, IReadOnlyList<int>[] tokens, ReadOnlySpan<int> rows, int sequence, float[][] results)
    {
        const int width = MiniLmEmbedder.VectorDimensions;
        for (var r = 0; r < rows.Length; r++)
        {
            var vector = new float[width];
            var rowStart = r * sequence * width;
            var length = tokens[rows[r]].Count + 2;
            for (var t = 0; t < length; t++)
            {
                TensorPrimitives.Add(vector, hidden.Slice(rowStart + (t * width), width), vector);
            }

            VectorMath.NormalizeInPlace(vector);
            results[rows[r]] = vector;
        }
    }
}
