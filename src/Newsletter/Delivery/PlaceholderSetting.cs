// One setting that still holds a first-look placeholder a real inbox should never see.
namespace Newsletter.Delivery;

/// <summary>A setting <see cref="LiveSendRule"/> objects to.</summary>
/// <param name="Setting">The key as documented, e.g. <c>baseUrl</c> or <c>from</c>.</param>
/// <param name="Reason">What is wrong with its value and what would be right, without the setting's name.</param>
public sealed record PlaceholderSetting(string Setting, string Reason);
