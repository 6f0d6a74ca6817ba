"""The intake dialog (``dialog``): a complaint logged at the counter, validated as it is
typed; ``labels`` names what it asks for (imported by other pages without the dialog)."""
