export interface ScopeChoiceProps {
  scope: "only" | "below";
  onScope: (scope: "only" | "below") => void;
}

/** Whether a category search covers the category alone or everything filed below it too. */
export function ScopeChoice(props: ScopeChoiceProps) {
  return (
    <fieldset class="scope-choice">
      <legend>Search in</legend>
      <label>
        <input
          type="radio"
          name="scope"
          value="only"
          checked={props.scope === "only"}
          onChange={() => props.onScope("only")}
        />
        This category only
      </label>
      <label>
        <input
          type="radio"
          name="scope"
          value="below"
          checked={props.scope === "below"}
          onChange={() => props.onScope("below")}
        />
        This category and below
      </label>
    </fieldset>
  );
}
