// The case number field of the form editor: the `putright-case-number` widget.
//
// A new case's number is allocated as `complaints new` allocates it: one more than the highest
// number of its year in the repository, on any branch (the editor's own cms/... branches, that
// is the cases still waiting for approval) or in any history, so a number is never used twice.
// Only Putright can count that, so the widget asks `complaints cms serve` on the same address
// (GET /putright/next-id?year=YYYY). Where nothing answers (the editor published beside the
// public site and signed in on GitHub), the officer types the number, and the pull request's
// `numbers` check gives the case a free one before it can be merged (docs/setup/editor.md).
//
// An existing case keeps its number: the field is read-only (`complaints renumber` changes it).
//
// caseNumberControl(createClass, h) -> a control for CMS.registerWidget; both are the globals
// Decap CMS provides for widgets written without a build step.

const NEXT_ID = '/putright/next-id';
const CASE_ID = /^[0-9]{4}-[0-9]{4,9}$/;

function yearOf(collection) {
  const folder = String((collection && collection.get('folder')) || '');
  const year = folder.split('/').pop();
  return /^[0-9]{4}$/.test(year) ? year : null;
}

export function caseNumberControl(createClass, h) {
  return createClass({
    getInitialState() {
      const entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      const isNew = Boolean(entry && entry.get('newRecord'));
      // A duplicated case arrives with the number of the one it copies: it needs its own.
      return { isNew, asking: isNew, allocated: false };
    },

    componentDidMount() {
      this.mounted = true;
      if (!this.state.isNew) return;
      const year = yearOf(this.props.collection);
      if (year === null) {
        this.setState({ asking: false });
        return;
      }
      fetch(`${NEXT_ID}?year=${year}`, { headers: { Accept: 'application/json' } })
        .then((answer) => (answer.ok ? answer.json() : Promise.reject(answer.status)))
        .then((data) => {
          if (!this.mounted || !CASE_ID.test(String(data.id))) throw new Error('no number');
          this.props.onChange(String(data.id));
          this.setState({ asking: false, allocated: true });
        })
        .catch(() => {
          if (this.mounted) this.setState({ asking: false });
        });
    },

    componentWillUnmount() {
      this.mounted = false;
    },

    isValid() {
      if (this.state.asking) return { error: { message: 'The case number is still being allocated.' } };
      return true;
    },

    render() {
      const { forID, value, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const fixed = !this.state.isNew || this.state.allocated;
      const note = this.state.asking
        ? 'Allocating the next number...'
        : this.state.allocated
          ? 'Allocated for this case: the next number not used on any branch.'
          : fixed
            ? 'A case keeps its number.'
            : 'Type the next number; the pull request check replaces it if another case has it.';
      return h(
        'div',
        null,
        h('input', {
          type: 'text',
          id: forID,
          className: classNameWrapper,
          value: value || '',
          readOnly: fixed || this.state.asking,
          'aria-describedby': `${forID}-number-note`,
          onChange: (event) => this.props.onChange(event.target.value.trim()),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        }),
        h('p', { id: `${forID}-number-note`, role: 'status', style: { margin: '4px 0 0' } }, note),
      );
    },
  });
}
