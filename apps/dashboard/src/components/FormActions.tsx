/** A resource form's buttons: Create for a new one; Save and Cancel while editing one. */
export function FormActions({ editing, busy, onCancel }: { editing: boolean; busy: boolean; onCancel: () => void }) {
  return (
    <div className="actions">
      <button type="submit" disabled={busy}>
        {editing ? 'Save' : 'Create'}
      </button>
      {editing && (
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
