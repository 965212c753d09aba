"""``python -m fireworks_rft_client.cli``: the same as the ``fireworks-rft`` command."""

import sys

from . import main

sys.exit(main())
