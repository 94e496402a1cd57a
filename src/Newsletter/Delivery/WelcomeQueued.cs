// What queueing a welcome did.
using Newsletter.Authoring;

namespace Newsletter.Delivery;

/// <summary>The result of <see cref="WelcomeQueue.Queue"/>: the welcome issue and how many deliveries were newly queued (0 when everyone already had one).</summary>
/// <param name="Issue">The welcome issue.</param>
/// <param name="Queued">Deliveries added to the ledger.</param>
public sealed record WelcomeQueued(Issue Issue, int Queued);
