// Hands checked import rows to the writer on its own thread, a few thousand at a time.
using System.Threading.Channels;

namespace Newsletter.Audience;

/// <summary>
/// A bounded queue between the thread that reads and checks rows and a thread that runs the
/// <see cref="IImportWriter"/>. At most <see cref="Depth"/> chunks wait, so memory stays flat however long the
/// file; a failed write stops the reading at the next chunk and is rethrown by <see cref="Add"/> or
/// <see cref="Complete"/>. Disposing without <see cref="Complete"/> (the reader failed) stops the writer and waits for it.
/// </summary>
internal sealed class ImportBatches : IDisposable
{
    private const int ChunkRows = 20 * IImportWriter.ChunkUnit;
    private const int Depth = 4;

    private readonly Channel<List<(int Line, ImportRow Row)>> _chunks =
        Channel.CreateBounded<List<(int Line, ImportRow Row)>>(new BoundedChannelOptions(Depth) { SingleReader = true, SingleWriter = true });
    private readonly Task _writing;
    private List<(int Line, ImportRow Row)> _chunk = new(ChunkRows);

    public ImportBatches(IImportWriter writer) =>
        _writing = Task.Factory.StartNew(() => Drain(writer), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Queues a row; blocks while the writer is <see cref="Depth"/> chunks behind.</summary>
    /// <exception cref="System.Data.Common.DbException">An earlier write failed.</exception>
    public void Add(int line, ImportRow row)
    {
        _chunk.Add((line, row));
        if (_chunk.Count < ChunkRows) return;
        Send(_chunk);
        _chunk = new(ChunkRows);
    }

    /// <summary>Sends the last rows and waits until every row is written.</summary>
    /// <exception cref="System.Data.Common.DbException">A write failed.</exception>
    public void Complete()
    {
        if (_chunk.Count > 0) Send(_chunk);
        _chunk = [];
        _chunks.Writer.TryComplete();
        _writing.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (_chunks.Writer.TryComplete(new OperationCanceledException("the import stopped reading")))
            try { _writing.Wait(); } catch (AggregateException) { /* the reader's own exception is the one to report */ }
    }

    private void Send(List<(int Line, ImportRow Row)> chunk)
    {
        if (_chunks.Writer.TryWrite(chunk)) return;
        try
        {
            _chunks.Writer.WriteAsync(chunk).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            // The writer closed the queue because it failed: its exception is the cause.
            _writing.GetAwaiter().GetResult();
            throw;
        }
    }

    private void Drain(IImportWriter writer)
    {
        try
        {
            foreach (var chunk in _chunks.Reader.ReadAllAsync().ToBlockingEnumerable()) writer.Write(chunk);
        }
        catch (Exception e)
        {
            _chunks.Writer.TryComplete(e);
            throw;
        }
    }
}
