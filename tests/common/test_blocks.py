"""Shared StreamField blocks render without a database."""

import pytest

from common.blocks import BaseStreamBlock, CalloutBlock, HeadingBlock, QuoteBlock


@pytest.mark.parametrize("block", [HeadingBlock(), CalloutBlock(), QuoteBlock()])
def test_blocks_render_their_preview_without_a_database(block):
    html = block.render(block.to_python(block.meta.preview_value))
    assert html.strip()


def test_stream_block_renders_headings_at_the_chosen_level():
    stream = BaseStreamBlock()
    value = stream.to_python([{"type": "heading", "value": {"text": "Wat je leert", "level": "h3"}}])
    assert '<h3 class="utrecht-heading-3">Wat je leert</h3>' in stream.render(value)
